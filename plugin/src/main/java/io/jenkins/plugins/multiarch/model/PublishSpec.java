package io.jenkins.plugins.multiarch.model;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.engine.index.IndexFormat;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.publish.PlatformSource;
import io.jenkins.plugins.multiarch.engine.publish.PublishRequest;
import io.jenkins.plugins.multiarch.engine.reference.DockerHub;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.verify.CheckPolicy;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one {@code multiArchPublish} publishes, resolved on the controller from its arguments, the build's
 * environment and the global defaults: the index's repository and tags, where the images come from (explicit
 * {@code sources}, or which of this run's builds), the format, annotations and checks. No secret.
 */
public final class PublishSpec implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String STEP = "multiArchPublish";

    private final ImageTarget target; // its reference carries the first tag
    private final ArrayList<String> extraTags;
    private final ArrayList<PlatformSource> explicitSources;
    private final ArrayList<Platform> platforms;
    private final IndexFormat format;
    private final LinkedHashMap<String, String> annotations;
    private final CheckPolicy checks;
    private final boolean dryRun;

    private PublishSpec(ImageTarget target, List<String> extraTags, List<PlatformSource> explicitSources,
                        List<Platform> platforms, IndexFormat format, Map<String, String> annotations,
                        CheckPolicy checks, boolean dryRun) {
        this.target = target;
        this.extraTags = new ArrayList<>(extraTags);
        this.explicitSources = new ArrayList<>(explicitSources);
        this.platforms = new ArrayList<>(platforms);
        this.format = format;
        this.annotations = new LinkedHashMap<>(annotations);
        this.checks = checks;
        this.dryRun = dryRun;
    }

    /**
     * @param globalRegistry    the global default registry, or {@link RegistryChoice#NONE}
     * @param globalBinaryCheck the global default of {@code binaryCheck}
     * @param globalBudget      the global default of {@code binaryBudget} ({@code 512MiB})
     * @param globalAllBinaries the global default of {@code allBinaries}
     * @throws InvalidInputException naming the argument or variable that is wrong
     */
    public static PublishSpec resolve(PublishArguments args, Map<String, String> environment,
                                      RegistryChoice globalRegistry, boolean globalBinaryCheck, String globalBudget,
                                      boolean globalAllBinaries) {
        ImageTarget target = ImageTarget.resolve(STEP, args.image, args.credentialsId, args.registry, args.insecure,
                environment, globalRegistry);
        Set<String> tags = new LinkedHashSet<>();
        target.reference().tag().ifPresent(tags::add);
        for (String tag : args.tags) {
            String trimmed = Texts.trimToNull(tag);
            if (trimmed == null) {
                throw new InvalidInputException(Messages.PublishSpec_EmptyTag(STEP));
            }
            tags.add(trimmed);
        }
        if (target.reference().digest().isPresent()) {
            throw new InvalidInputException(Messages.PublishSpec_DigestImage(STEP, target.reference()));
        }
        if (tags.isEmpty()) {
            throw new InvalidInputException(Messages.PublishSpec_NoTag(STEP, target.reference().repositoryName()));
        }
        List<String> allTags = new ArrayList<>(tags);
        ImageTarget tagged = target.withReference(target.reference().withTag(allTags.get(0)));

        IndexFormat format;
        try {
            format = IndexFormat.parse(Texts.trimToNull(args.format) == null ? "oci" : args.format.trim());
        } catch (InvalidInputException e) {
            throw new InvalidInputException(Messages.PublishSpec_InvalidFormat(STEP, args.format));
        }
        return new PublishSpec(tagged, allTags.subList(1, allTags.size()), sources(args.sources, tagged),
                platforms(args.platforms), format, args.annotations,
                checks(args, globalBinaryCheck, globalBudget, globalAllBinaries), args.dryRun);
    }

    private static List<PlatformSource> sources(Map<String, String> given, ImageTarget target) {
        List<PlatformSource> sources = new ArrayList<>();
        for (Map.Entry<String, String> entry : given.entrySet()) {
            Platform platform;
            try {
                platform = Platform.parse(entry.getKey());
            } catch (InvalidInputException e) {
                throw new InvalidInputException(Messages.PublishSpec_InvalidSource(STEP, entry.getKey(), e.getMessage()));
            }
            String text = Texts.trimToNull(entry.getValue());
            if (text == null) {
                throw new InvalidInputException(Messages.PublishSpec_InvalidSource(STEP, entry.getKey(),
                        Messages.PublishSpec_EmptySource()));
            }
            // A source named without a registry is on the target's, as a build's recorded image would be.
            if (!ImageTarget.namesRegistry(text) && !DockerHub.isDockerHub(target.registry())) {
                text = target.registry() + "/" + text;
            }
            try {
                sources.add(new PlatformSource(platform, ImageReference.parse(text)));
            } catch (InvalidInputException e) {
                throw new InvalidInputException(Messages.PublishSpec_InvalidSource(STEP, entry.getKey(), e.getMessage()));
            }
        }
        return sources;
    }

    private static List<Platform> platforms(List<String> given) {
        List<Platform> platforms = new ArrayList<>();
        for (String text : given) {
            try {
                Platform platform = Platform.parse(text);
                if (platforms.contains(platform)) {
                    throw new InvalidInputException(Messages.PublishSpec_PlatformTwice(STEP, platform));
                }
                platforms.add(platform);
            } catch (InvalidInputException e) {
                if (e.getMessage().startsWith(STEP)) {
                    throw e;
                }
                throw new InvalidInputException(Messages.PublishSpec_InvalidPlatform(STEP, e.getMessage()));
            }
        }
        return platforms;
    }

    /** As the CLI's --no-binary-check, --binary-budget and --all-binaries, with the global defaults underneath. */
    private static CheckPolicy checks(PublishArguments args, boolean globalBinaryCheck, String globalBudget,
                                      boolean globalAllBinaries) {
        boolean binaryCheck = args.binaryCheck != null ? args.binaryCheck : globalBinaryCheck;
        if (!binaryCheck) {
            if (Texts.trimToNull(args.binaryBudget) != null || Boolean.TRUE.equals(args.allBinaries)) {
                throw new InvalidInputException(Messages.PublishSpec_BinaryCheckOff(STEP));
            }
            return CheckPolicy.configOnly();
        }
        String budget = Texts.trimToNull(args.binaryBudget) != null ? args.binaryBudget.trim() : Texts.trimToNull(globalBudget);
        CheckPolicy policy = CheckPolicy.standard();
        if (budget != null) {
            policy = policy.withByteBudget(budget, "binaryBudget");
        }
        boolean allBinaries = args.allBinaries != null ? args.allBinaries : globalAllBinaries;
        return allBinaries ? policy.withAllBinaries() : policy;
    }

    public ImageTarget target() {
        return target;
    }

    /** Every tag the index goes under, the first one first. */
    public List<String> tags() {
        List<String> tags = new ArrayList<>();
        tags.add(target.reference().tag().orElseThrow());
        tags.addAll(extraTags);
        return tags;
    }

    /** The {@code sources} given; empty: this run's builds. */
    public List<PlatformSource> explicitSources() {
        return Collections.unmodifiableList(explicitSources);
    }

    /** The {@code platforms} given; empty: all. */
    public List<Platform> platforms() {
        return Collections.unmodifiableList(platforms);
    }

    public IndexFormat format() {
        return format;
    }

    public CheckPolicy checks() {
        return checks;
    }

    public boolean dryRun() {
        return dryRun;
    }

    /** The engine's request over these sources. */
    public PublishRequest request(List<PlatformSource> sources) {
        return new PublishRequest(target.reference(), extraTags, sources, format, annotations, dryRun, checks,
                target.registrySettings());
    }
}
