package io.jenkins.plugins.multiarch.fanout;

import io.jenkins.plugins.multiarch.config.BinaryBudget;
import io.jenkins.plugins.multiarch.config.BuilderChoice;
import io.jenkins.plugins.multiarch.config.FieldValidation;
import io.jenkins.plugins.multiarch.config.RegistryUrl;
import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.engine.platform.InvalidPlatformException;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.publish.PublishRequest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.reference.InvalidReferenceException;
import io.jenkins.plugins.multiarch.model.ImageTarget;
import io.jenkins.plugins.multiarch.model.StepFieldChecks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The arguments of {@code multiArchImage(...)}, checked: the Declarative parser does not validate a global
 * variable's arguments, so this is where a typo or a wrong type stops the build, before any agent is asked for.
 *
 * <p>Besides its own ({@code image}, {@code platforms}, {@code tags}, {@code failFast}, {@code context},
 * {@code agentLabel}, {@code agentLabels}, {@code credentialsId}, {@code registry}), it takes the arguments of the
 * two steps it composes and hands them on: to each {@code multiArchBuild} {@code builder, file, buildArgs, target,
 * tagTemplate, labels} and {@code imageAnnotations} (the build's {@code annotations}); to {@code multiArchPublish}
 * {@code format, annotations} (the index's), {@code binaryCheck, binaryBudget, allBinaries, dryRun, tagsFromGit,
 * annotationsFromGit, alsoTo, attestations, registryCredentials}; to both
 * {@code insecure}, {@code credentialsId} and {@code registry}.
 */
public final class FanOutArguments {

    static final String IMAGE = "image";
    static final String PLATFORMS = "platforms";
    static final String TAGS = "tags";
    static final String FAIL_FAST = "failFast";
    static final String CONTEXT = "context";
    static final String AGENT_LABEL = "agentLabel";
    static final String AGENT_LABELS = "agentLabels";
    static final String CREDENTIALS_ID = "credentialsId";
    static final String REGISTRY = "registry";
    static final String BUILDER = "builder";
    static final String FILE = "file";
    static final String BUILD_ARGS = "buildArgs";
    static final String TARGET = "target";
    static final String TAG_TEMPLATE = "tagTemplate";
    static final String LABELS = "labels";
    static final String IMAGE_ANNOTATIONS = "imageAnnotations";
    static final String INSECURE = "insecure";
    static final String FORMAT = "format";
    static final String ANNOTATIONS = "annotations";
    static final String BINARY_CHECK = "binaryCheck";
    static final String BINARY_BUDGET = "binaryBudget";
    static final String ALL_BINARIES = "allBinaries";
    static final String DRY_RUN = "dryRun";
    static final String TAGS_FROM_GIT = "tagsFromGit";
    static final String ANNOTATIONS_FROM_GIT = "annotationsFromGit";
    static final String ALSO_TO = "alsoTo";
    static final String ATTESTATIONS = "attestations";
    static final String REFERRERS = "referrers";
    static final String REGISTRY_CREDENTIALS = "registryCredentials";

    /** Every argument multiArchImage takes. */
    public static final List<String> KEYS = List.of(IMAGE, PLATFORMS, TAGS, FAIL_FAST, CONTEXT, AGENT_LABEL,
            AGENT_LABELS, CREDENTIALS_ID, REGISTRY, BUILDER, FILE, BUILD_ARGS, TARGET, TAG_TEMPLATE, LABELS,
            IMAGE_ANNOTATIONS, INSECURE, FORMAT, ANNOTATIONS, BINARY_CHECK, BINARY_BUDGET, ALL_BINARIES, DRY_RUN,
            TAGS_FROM_GIT, ANNOTATIONS_FROM_GIT, ALSO_TO, ATTESTATIONS, REFERRERS, REGISTRY_CREDENTIALS);

    static final List<String> FORMATS = List.of("oci", "docker", "auto");
    private static final List<String> REGISTRY_KEYS = List.of("url", "credentialsId");
    private static final List<String> LOGIN_KEYS = List.of("registry", "credentialsId");
    // as the Distribution project's reference grammar (and the engine's ImageReference) has it
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");

    private String image;
    private List<Platform> platforms;
    private List<String> tags;
    private boolean failFast;
    private String context;
    private LabelTemplate agentLabel;
    private Map<Platform, String> agentLabels;
    private String credentialsId;
    private String registryUrl;
    private String registryCredentialsId;
    private String builder;
    private String file;
    private Map<String, String> buildArgs;
    private String target;
    private String tagTemplate;
    private Map<String, String> labels;
    private Map<String, String> imageAnnotations;
    private Boolean insecure;
    private String format;
    private Map<String, String> annotations;
    private Boolean binaryCheck;
    private String binaryBudget;
    private Boolean allBinaries;
    private Boolean dryRun;
    private Boolean tagsFromGit;
    private Boolean annotationsFromGit;
    private List<String> alsoTo;
    private Boolean attestations;
    private Boolean referrers;
    private List<Map<String, String>> registryCredentials;

    private FanOutArguments() {
    }

    /**
     * Reads and checks the map a Jenkinsfile passed.
     *
     * @throws FanOutArgumentException naming the first argument that is wrong and what would be valid
     */
    public static FanOutArguments parse(Map<?, ?> raw) {
        RawArguments in = RawArguments.of(raw, KEYS);
        FanOutArguments a = new FanOutArguments();
        a.image = image(in);
        a.platforms = platforms(in);
        a.tags = tags(in);
        a.failFast = !Boolean.FALSE.equals(in.bool(FAIL_FAST));
        String context = in.text(CONTEXT);
        a.context = context == null ? "." : relativePath(CONTEXT, context);
        a.agentLabel = in.text(AGENT_LABEL) == null ? null : LabelTemplate.parse(in.text(AGENT_LABEL), AGENT_LABEL);
        a.agentLabels = agentLabels(in, a.platforms);
        a.credentialsId = in.text(CREDENTIALS_ID);
        registry(in, a);
        a.builder = builder(in);
        String file = in.text(FILE);
        a.file = file == null ? null : relativePath(FILE, file);
        a.buildArgs = in.textMap(BUILD_ARGS);
        a.target = in.text(TARGET);
        a.tagTemplate = in.text(TAG_TEMPLATE);
        a.labels = in.textMap(LABELS);
        a.imageAnnotations = in.textMap(IMAGE_ANNOTATIONS);
        a.insecure = in.bool(INSECURE);
        a.format = format(in);
        a.annotations = in.textMap(ANNOTATIONS);
        a.binaryCheck = in.bool(BINARY_CHECK);
        a.binaryBudget = binaryBudget(in);
        a.allBinaries = in.bool(ALL_BINARIES);
        a.dryRun = in.bool(DRY_RUN);
        a.tagsFromGit = in.bool(TAGS_FROM_GIT);
        a.annotationsFromGit = in.bool(ANNOTATIONS_FROM_GIT);
        a.alsoTo = alsoTo(in, a.image);
        a.attestations = in.bool(ATTESTATIONS);
        a.referrers = in.bool(REFERRERS);
        a.registryCredentials = registryCredentials(in);
        return a;
    }

    private static String image(RawArguments in) {
        String image = in.text(IMAGE);
        if (image == null) {
            throw new FanOutArgumentException(Messages.FanOutArguments_ImageRequired());
        }
        ImageReference reference;
        try {
            reference = ImageReference.parse(image);
        } catch (InvalidReferenceException e) {
            throw new FanOutArgumentException(Messages.FanOutArguments_ImageInvalid(e.getMessage()), e);
        }
        if (reference.tag().isPresent() || reference.digest().isPresent()) {
            throw new FanOutArgumentException(Messages.FanOutArguments_ImageWithTag(image));
        }
        return image;
    }

    private static List<Platform> platforms(RawArguments in) {
        List<String> texts = in.textList(PLATFORMS);
        if (texts == null || texts.isEmpty()) {
            throw new FanOutArgumentException(Messages.FanOutArguments_PlatformsRequired());
        }
        Map<Platform, String> seen = new LinkedHashMap<>();
        for (String text : texts) {
            // "linux/amd64,linux/arm64" as the CLI's --platforms takes it
            for (String one : text.split(",")) {
                if (one.isBlank()) {
                    continue;
                }
                Platform platform;
                try {
                    platform = Platform.parse(one.trim());
                } catch (InvalidPlatformException e) {
                    throw new FanOutArgumentException(Messages.FanOutArguments_PlatformInvalid(e.getMessage()), e);
                }
                String earlier = seen.putIfAbsent(platform, one.trim());
                if (earlier != null) {
                    throw new FanOutArgumentException(
                            Messages.FanOutArguments_PlatformTwice(earlier, one.trim(), platform.toString()));
                }
            }
        }
        if (seen.isEmpty()) {
            throw new FanOutArgumentException(Messages.FanOutArguments_PlatformsRequired());
        }
        return List.copyOf(seen.keySet());
    }

    private static List<String> tags(RawArguments in) {
        List<String> texts = in.textList(TAGS);
        if (texts == null) {
            return null;
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : texts) {
            if (!TAG.matcher(tag).matches()) {
                throw new FanOutArgumentException(Messages.FanOutArguments_TagInvalid(tag));
            }
            tags.add(tag);
        }
        return List.copyOf(tags);
    }

    /** A path inside the workspace: relative, without {@code ..}; {@code ./x/} is written {@code x}. */
    private static String relativePath(String key, String path) {
        String p = path.replace('\\', '/');
        if (p.startsWith("/") || p.matches("[A-Za-z]:.*")) {
            throw new FanOutArgumentException(Messages.FanOutArguments_PathAbsolute(key, path));
        }
        List<String> parts = new ArrayList<>();
        for (String part : p.split("/")) {
            if (part.equals("..")) {
                throw new FanOutArgumentException(Messages.FanOutArguments_PathOutside(key, path));
            }
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? "." : String.join("/", parts);
    }

    private static Map<Platform, String> agentLabels(RawArguments in, List<Platform> platforms) {
        Map<String, String> given = in.textMap(AGENT_LABELS);
        if (given == null) {
            return Map.of();
        }
        Map<Platform, String> labels = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : given.entrySet()) {
            Platform platform;
            try {
                platform = Platform.parse(entry.getKey());
            } catch (InvalidPlatformException e) {
                throw new FanOutArgumentException(Messages.FanOutArguments_AgentLabelsPlatform(e.getMessage()), e);
            }
            if (!platforms.contains(platform)) {
                throw new FanOutArgumentException(Messages.FanOutArguments_AgentLabelsNotBuilt(
                        entry.getKey(), joined(platforms)));
            }
            if (entry.getValue().isBlank()) {
                throw new FanOutArgumentException(Messages.FanOutArguments_AgentLabelsBlank(platform.toString()));
            }
            labels.put(platform, entry.getValue().trim());
        }
        return labels;
    }

    private static void registry(RawArguments in, FanOutArguments a) {
        Map<String, String> registry = in.textMap(REGISTRY);
        if (registry == null) {
            return;
        }
        for (String key : registry.keySet()) {
            if (!REGISTRY_KEYS.contains(key)) {
                throw new FanOutArgumentException(Messages.FanOutArguments_RegistryKey(key, String.join(", ", REGISTRY_KEYS)));
            }
        }
        String url = blankToNull(registry.get("url"));
        if (url != null) {
            FieldValidation check = RegistryUrl.check(url);
            if (check.kind() == FieldValidation.Kind.ERROR) {
                throw new FanOutArgumentException(Messages.FanOutArguments_RegistryUrl(check.message()));
            }
        }
        String id = blankToNull(registry.get("credentialsId"));
        if (id != null && a.credentialsId != null && !id.equals(a.credentialsId)) {
            throw new FanOutArgumentException(Messages.FanOutArguments_TwoCredentials(a.credentialsId, id));
        }
        a.registryUrl = url;
        a.registryCredentialsId = id;
    }

    /** Each {@code REGISTRY/REPO[:TAG]}: naming a registry, no digest, no repository twice, not the image's. */
    private static List<String> alsoTo(RawArguments in, String image) {
        List<String> texts = in.textList(ALSO_TO);
        if (texts == null) {
            return null;
        }
        List<ImageReference> targets = new ArrayList<>();
        for (String text : texts) {
            if (ImageTarget.namesRegistry(text)) {
                try {
                    targets.add(ImageReference.parse(text));
                    continue;
                } catch (InvalidReferenceException e) {
                    throw new FanOutArgumentException(Messages.FanOutArguments_Named(ALSO_TO, e.getMessage()), e);
                }
            }
            throw new FanOutArgumentException(Messages.FanOutArguments_AlsoToNoRegistry(text));
        }
        try {
            PublishRequest.checkFurtherTargets(ImageReference.parse(image), targets);
        } catch (InvalidInputException e) {
            throw new FanOutArgumentException(Messages.FanOutArguments_Named(ALSO_TO, e.getMessage()), e);
        }
        return List.copyOf(texts);
    }

    /** {@code [[registry: 'ghcr.io', credentialsId: 'id'], ...]}, one entry per registry. */
    private static List<Map<String, String>> registryCredentials(RawArguments in) {
        List<Map<String, String>> entries = in.mapList(REGISTRY_CREDENTIALS);
        if (entries == null) {
            return null;
        }
        Set<String> registries = new LinkedHashSet<>();
        List<Map<String, String>> checked = new ArrayList<>();
        for (Map<String, String> entry : entries) {
            for (String key : entry.keySet()) {
                if (!LOGIN_KEYS.contains(key)) {
                    throw new FanOutArgumentException(Messages.FanOutArguments_LoginKey(key, String.join(", ", LOGIN_KEYS)));
                }
            }
            String registry = blankToNull(entry.get("registry"));
            String id = blankToNull(entry.get("credentialsId"));
            if (registry == null || id == null) {
                throw new FanOutArgumentException(Messages.FanOutArguments_LoginIncomplete());
            }
            FieldValidation check = StepFieldChecks.registryHost(registry);
            if (check.kind() == FieldValidation.Kind.ERROR) {
                throw new FanOutArgumentException(Messages.FanOutArguments_Named(REGISTRY_CREDENTIALS, check.message()));
            }
            if (!registries.add(registry)) {
                throw new FanOutArgumentException(Messages.FanOutArguments_LoginTwice(registry));
            }
            Map<String, String> one = new LinkedHashMap<>();
            one.put("registry", registry);
            one.put("credentialsId", id);
            checked.add(one);
        }
        return checked;
    }

    private static String builder(RawArguments in) {
        String builder = in.text(BUILDER);
        if (builder == null) {
            return null;
        }
        return BuilderChoice.fromId(builder).map(BuilderChoice::id).orElseThrow(() ->
                new FanOutArgumentException(Messages.FanOutArguments_BuilderUnknown(builder, BuilderChoice.ids())));
    }

    private static String format(RawArguments in) {
        String format = in.text(FORMAT);
        if (format != null && !FORMATS.contains(format)) {
            throw new FanOutArgumentException(Messages.FanOutArguments_FormatUnknown(format, String.join(", ", FORMATS)));
        }
        return format;
    }

    private static String binaryBudget(RawArguments in) {
        String budget = in.text(BINARY_BUDGET);
        if (budget != null) {
            try {
                BinaryBudget.bytes(budget);
            } catch (IllegalArgumentException e) {
                throw new FanOutArgumentException(Messages.FanOutArguments_Named(BINARY_BUDGET, e.getMessage()), e);
            }
        }
        return budget;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static String joined(List<Platform> platforms) {
        List<String> names = new ArrayList<>();
        platforms.forEach(p -> names.add(p.toString()));
        return String.join(", ", names);
    }

    /** The image repository, without tag, e.g. {@code registry.example.com/team/app}. */
    public String image() {
        return image;
    }

    /** Normalized, in the order given, no two alike. */
    public List<Platform> platforms() {
        return platforms;
    }

    /** Null when none were given (the publish step's default applies). */
    public List<String> tags() {
        return tags;
    }

    public boolean failFast() {
        return failFast;
    }

    /** Relative to the workspace; {@code .} by default. */
    public String context() {
        return context;
    }

    public LabelTemplate agentLabel() {
        return agentLabel;
    }

    public Map<Platform, String> agentLabels() {
        return Collections.unmodifiableMap(agentLabels);
    }

    public String credentialsId() {
        return credentialsId;
    }

    /** The credentials the builds and the publish use: {@code credentialsId}, else the registry's. */
    public String effectiveCredentialsId() {
        return credentialsId != null ? credentialsId : registryCredentialsId;
    }

    public String registryUrl() {
        return registryUrl;
    }

    public String registryCredentialsId() {
        return registryCredentialsId;
    }

    public String builder() {
        return builder;
    }

    public String file() {
        return file;
    }

    public Map<String, String> buildArgs() {
        return buildArgs;
    }

    public String target() {
        return target;
    }

    public String tagTemplate() {
        return tagTemplate;
    }

    public Map<String, String> labels() {
        return labels;
    }

    public Map<String, String> imageAnnotations() {
        return imageAnnotations;
    }

    public Boolean insecure() {
        return insecure;
    }

    public String format() {
        return format;
    }

    public Map<String, String> annotations() {
        return annotations;
    }

    public Boolean binaryCheck() {
        return binaryCheck;
    }

    public String binaryBudget() {
        return binaryBudget;
    }

    public Boolean allBinaries() {
        return allBinaries;
    }

    public Boolean dryRun() {
        return dryRun;
    }

    public Boolean tagsFromGit() {
        return tagsFromGit;
    }

    public Boolean annotationsFromGit() {
        return annotationsFromGit;
    }

    /** Null when none were given. */
    public List<String> alsoTo() {
        return alsoTo;
    }

    public Boolean attestations() {
        return attestations;
    }

    public Boolean referrers() {
        return referrers;
    }

    /** {@code [registry:, credentialsId:]} maps, as multiArchPublish takes them; null when none were given. */
    public List<Map<String, String>> registryCredentials() {
        return registryCredentials;
    }

    @Override
    public String toString() {
        return "multiArchImage " + image + " " + Objects.toString(platforms);
    }
}
