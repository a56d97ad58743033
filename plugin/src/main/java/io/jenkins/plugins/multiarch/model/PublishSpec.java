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
    private final ArrayList<ImageReference> alsoTo;
    private final boolean keepAttestations;
    private final boolean copyReferrers;
    private final boolean tagsFromGit;
    private final boolean annotationsFromGit;
    private final ArrayList<OtherRegistryLogin> otherLogins;

    private PublishSpec(ImageTarget target, List<String> extraTags, List<PlatformSource> explicitSources,
                        List<Platform> platforms, IndexFormat format, Map<String, String> annotations,
                        CheckPolicy checks, boolean dryRun, List<ImageReference> alsoTo, boolean keepAttestations,
                        boolean copyReferrers, boolean tagsFromGit, boolean annotationsFromGit, List<OtherRegistryLogin> otherLogins) {
        this.target = target;
        this.extraTags = new ArrayList<>(extraTags);
        this.explicitSources = new ArrayList<>(explicitSources);
        this.platforms = new ArrayList<>(platforms);
        this.format = format;
        this.annotations = new LinkedHashMap<>(annotations);
        this.checks = checks;
        this.dryRun = dryRun;
        this.alsoTo = new ArrayList<>(alsoTo);
        this.keepAttestations = keepAttestations;
        this.copyReferrers = copyReferrers;
        this.tagsFromGit = tagsFromGit;
        this.annotationsFromGit = annotationsFromGit;
        this.otherLogins = new ArrayList<>(otherLogins);
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
        if (tags.isEmpty() && !args.tagsFromGit) {
            throw new InvalidInputException(Messages.PublishSpec_NoTag(STEP, target.reference().repositoryName()));
        }
        List<String> allTags = new ArrayList<>(tags);
        // with tagsFromGit and no tag given, git's first tag is the index's, once git is read
        ImageTarget tagged = allTags.isEmpty() ? target
                : target.withReference(target.reference().withTag(allTags.get(0)));

        IndexFormat format;
        try {
            format = IndexFormat.parse(Texts.trimToNull(args.format) == null ? "oci" : args.format.trim());
        } catch (InvalidInputException e) {
            throw new InvalidInputException(Messages.PublishSpec_InvalidFormat(STEP, args.format));
        }
        if (format == IndexFormat.DOCKER && args.annotationsFromGit) {
            throw new InvalidInputException(Messages.PublishSpec_DockerGitAnnotations(STEP));
        }
        List<ImageReference> alsoTo = alsoTo(args.alsoTo, tagged);
        return new PublishSpec(tagged, allTags.isEmpty() ? List.of() : allTags.subList(1, allTags.size()),
                sources(args.sources, tagged), platforms(args.platforms), format, args.annotations,
                checks(args, globalBinaryCheck, globalBudget, globalAllBinaries), args.dryRun, alsoTo,
                args.attestations, args.referrers, args.tagsFromGit, args.annotationsFromGit,
                otherLogins(args.registryCredentials, tagged));
    }

    /** Each {@code REGISTRY/REPO[:TAG]}, naming its registry, no digest, no repository twice (the target's neither). */
    private static List<ImageReference> alsoTo(List<String> given, ImageTarget target) {
        List<ImageReference> targets = new ArrayList<>();
        for (String entry : given) {
            String text = Texts.trimToNull(entry);
            if (text == null) {
                throw new InvalidInputException(Messages.PublishSpec_AlsoToEmpty(STEP));
            }
            if (!ImageTarget.namesRegistry(text)) {
                throw new InvalidInputException(Messages.PublishSpec_AlsoToNoRegistry(STEP, text));
            }
            try {
                targets.add(ImageReference.parse(text));
            } catch (InvalidInputException e) {
                throw new InvalidInputException(Messages.PublishSpec_AlsoToInvalid(STEP, text, e.getMessage()));
            }
        }
        try {
            PublishRequest.checkFurtherTargets(target.reference(), targets);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(Messages.PublishSpec_AlsoToRefused(STEP, e.getMessage()));
        }
        return targets;
    }

    /** One login per registry, each a registry host other than the target's (whose login is credentialsId). */
    private static List<OtherRegistryLogin> otherLogins(List<OtherRegistryLogin> given, ImageTarget target) {
        List<OtherRegistryLogin> logins = new ArrayList<>();
        Set<String> registries = new LinkedHashSet<>();
        for (OtherRegistryLogin login : given) {
            String registry = login == null ? null : login.registry();
            if (registry == null) {
                throw new InvalidInputException(Messages.PublishSpec_LoginNoRegistry(STEP));
            }
            String host = registryHost(registry);
            if (login.credentialsId() == null) {
                throw new InvalidInputException(Messages.PublishSpec_LoginNoCredentials(STEP, host));
            }
            if (host.equals(target.registry())) {
                throw new InvalidInputException(Messages.PublishSpec_LoginTargetRegistry(STEP, host));
            }
            if (!registries.add(host)) {
                throw new InvalidInputException(Messages.PublishSpec_LoginTwice(STEP, host));
            }
            logins.add(new OtherRegistryLogin(host, login.credentialsId()));
        }
        return logins;
    }

    /** {@code host[:port]} as the engine names it ({@code docker.io} for Docker Hub). */
    static String registryHost(String text) {
        if (text.contains("/") || text.contains("@")) {
            throw new InvalidInputException(Messages.PublishSpec_LoginInvalidRegistry(STEP, text));
        }
        try {
            return ImageReference.parse(text + "/probe").registry();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(Messages.PublishSpec_LoginInvalidRegistry(STEP, text));
        }
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

    /** Every tag given for the index, the first one first (with {@code tagsFromGit}, git's come on top). */
    public List<String> tags() {
        List<String> tags = new ArrayList<>();
        target.reference().tag().ifPresent(tags::add);
        tags.addAll(extraTags);
        return tags;
    }

    /** The further targets ({@code alsoTo}), in the order given. */
    public List<ImageReference> alsoTo() {
        return Collections.unmodifiableList(alsoTo);
    }

    public boolean keepAttestations() {
        return keepAttestations;
    }

    /** Copy the images' OCI 1.1 referrers along ({@code referrers: true}). */
    public boolean copyReferrers() {
        return copyReferrers;
    }

    public boolean tagsFromGit() {
        return tagsFromGit;
    }

    public boolean annotationsFromGit() {
        return annotationsFromGit;
    }

    /** Whether the build's git state must be read before the request can be made. */
    public boolean needsGit() {
        return tagsFromGit || annotationsFromGit;
    }

    /** The logins for the registries other than the target's, each host once. */
    public List<OtherRegistryLogin> otherLogins() {
        return Collections.unmodifiableList(otherLogins);
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

    /** The engine's request over these sources, when no git state is needed. */
    public PublishRequest request(List<PlatformSource> sources) {
        return request(sources, GitMetadata.NONE);
    }

    /**
     * The engine's request over these sources with what git gave: the tags given first, then git's (the first of
     * all is the index's); git's annotations with the given ones over them.
     *
     * @throws InvalidInputException when there is no tag at all, or the request is not valid
     */
    public PublishRequest request(List<PlatformSource> sources, GitMetadata git) {
        Set<String> tags = new LinkedHashSet<>(tags());
        tags.addAll(git.tags());
        if (tags.isEmpty()) {
            throw new InvalidInputException(Messages.PublishSpec_NoGitTag(STEP, target.reference().repositoryName()));
        }
        List<String> all = new ArrayList<>(tags);
        Map<String, String> allAnnotations = new LinkedHashMap<>(git.annotations());
        allAnnotations.putAll(annotations);
        return new PublishRequest(target.reference().withTag(all.get(0)), all.subList(1, all.size()), sources,
                format, allAnnotations, dryRun, checks, target.registrySettings(), alsoTo, keepAttestations,
                copyReferrers);
    }
}
