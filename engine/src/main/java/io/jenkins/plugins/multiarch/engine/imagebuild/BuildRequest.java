package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.imagebuild.tool.PlatformBuild;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.ContainersStorageOptions;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.registry.RegistrySettings;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to build: one Dockerfile for several platforms, pushed into one repository. {@link #platformBuilds()}
 * splits it into one {@link PlatformBuild} per platform, in the order the platforms were given.
 *
 * <pre>{@code
 * BuildRequest request = BuildRequest.builder(ImageReference.parse("registry.example.com/team/app:1.0"), Path.of("."))
 *         .platforms(List.of(Platform.LINUX_AMD64, Platform.LINUX_ARM64))
 *         .dockerfile(Path.of("docker/Dockerfile"))
 *         .buildArg("APP_VERSION", "1.0")
 *         .build();
 * }</pre>
 *
 * <p>User build arguments may not use a name from {@link PlatformBuildArgs#RESERVED}: those are set per platform,
 * and one value for all platforms would build every image for the same one. Such a request is rejected rather
 * than one side silently winning.
 */
public final class BuildRequest {

    private static final Pattern RUN_ID = Pattern.compile("[a-z0-9]{1,32}");
    private static final Pattern STAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private final ImageReference target;
    private final List<Platform> platforms;
    private final Path contextDir;
    private final Optional<Path> dockerfile;
    private final Map<String, String> buildArgs;
    private final Optional<String> targetStage;
    private final Map<String, String> labels;
    private final PlatformDestination destination;
    private final boolean insecureRegistry;
    private final Optional<Platform> buildPlatform;
    private final String runId;
    private final List<String> indexTags;
    private final Optional<BuildToolKind> tool;
    private final ContainersStorageOptions storage;
    private final Optional<Integer> parallelism;
    private final FailurePolicy failurePolicy;
    private final RegistrySettings registries;

    private BuildRequest(Builder b) {
        this.target = b.target;
        this.platforms = List.copyOf(b.platforms);
        this.contextDir = b.contextDir;
        this.dockerfile = Optional.ofNullable(b.dockerfile);
        // Insertion order is the order of --build-arg and --label flags: keep it.
        this.buildArgs = Collections.unmodifiableMap(new LinkedHashMap<>(b.buildArgs));
        this.targetStage = Optional.ofNullable(b.targetStage);
        this.labels = Collections.unmodifiableMap(new LinkedHashMap<>(b.labels));
        this.destination = b.destination;
        // Plain HTTP for our client means the same for tools that push themselves (kaniko --insecure).
        this.insecureRegistry = b.insecureRegistry || b.registries.isPlainHttp(b.target.registry());
        this.buildPlatform = Optional.ofNullable(b.buildPlatform);
        this.runId = b.runId;
        this.indexTags = List.copyOf(b.indexTags);
        this.tool = Optional.ofNullable(b.tool);
        this.storage = b.storage;
        this.parallelism = Optional.ofNullable(b.parallelism);
        this.failurePolicy = b.failurePolicy;
        this.registries = b.registries;
    }

    /** Starts a request for the multi-arch image {@code target}, built from {@code contextDir}. */
    public static Builder builder(ImageReference target, Path contextDir) {
        return new Builder(target, contextDir);
    }

    /** One build per platform, in request order. */
    public List<PlatformBuild> platformBuilds() {
        return platformBuilds(Optional.empty());
    }

    /**
     * One build per platform, in request order; BUILDPLATFORM and friends from the request's build platform, else
     * from {@code hostPlatform} (the machine the builds run on).
     */
    public List<PlatformBuild> platformBuilds(Optional<Platform> hostPlatform) {
        Optional<Platform> buildPlatform = this.buildPlatform.or(() -> hostPlatform);
        String version = version();
        List<PlatformBuild> builds = new ArrayList<>();
        for (Platform platform : platforms) {
            String slug = platform.toString().replace('/', '-');
            Map<String, String> args = new LinkedHashMap<>(PlatformBuildArgs.of(platform, buildPlatform));
            args.putAll(buildArgs);
            boolean temporary = destination instanceof PlatformDestination.ByDigest;
            String tag = destination instanceof PlatformDestination.Tagged tagged
                    ? tagged.template().render(platform, version)
                    : "multiarch-tmp-" + slug + "-" + runId;
            builds.add(new PlatformBuild(platform, target, target.withTag(tag), temporary,
                    "localhost/multiarch-build:" + runId + "-" + slug, contextDir, dockerfile, args, targetStage,
                    labels, insecureRegistry));
        }
        return List.copyOf(builds);
    }

    /** The target's tag, which {@code {version}} stands for; {@code latest} if the target names none. */
    public String version() {
        return target.tag().orElse("latest");
    }

    public ImageReference target() {
        return target;
    }

    public List<Platform> platforms() {
        return platforms;
    }

    public Path contextDir() {
        return contextDir;
    }

    public Optional<Path> dockerfile() {
        return dockerfile;
    }

    /** The user's build arguments (not the per-platform ones). */
    public Map<String, String> buildArgs() {
        return buildArgs;
    }

    public Optional<String> targetStage() {
        return targetStage;
    }

    public Map<String, String> labels() {
        return labels;
    }

    public PlatformDestination destination() {
        return destination;
    }

    public boolean insecureRegistry() {
        return insecureRegistry;
    }

    public Optional<Platform> buildPlatform() {
        return buildPlatform;
    }

    /** Makes the temporary tags and local image names of this run unique. */
    public String runId() {
        return runId;
    }

    /**
     * Fails if a per-platform tag equals one of {@code tags}: the index published under those tags would overwrite a
     * platform's image, or the other way round.
     *
     * @throws InvalidBuildRequestException naming the platform, its tag and the template
     */
    public void requirePlatformTagsOutside(List<String> tags) {
        if (destination instanceof PlatformDestination.Tagged tagged) {
            for (Platform p : platforms) {
                String tag = tagged.template().render(p, version());
                if (tags.contains(tag)) {
                    throw new InvalidBuildRequestException("tag template '" + tagged.template() + "' gives '" + tag
                            + "' for " + p + ", which is also an extra tag of the multi-arch image; per-platform tags"
                            + " must differ from the image's tags, so change the template or that tag");
                }
            }
        }
    }

    /** The extra tags the multi-arch index gets besides the target's own (see {@link Builder#indexTags}). */
    public List<String> indexTags() {
        return indexTags;
    }

    /** The builder tool; empty: the first installed on the host of {@link BuildToolKind#DEFAULT_ORDER}. */
    public Optional<BuildToolKind> tool() {
        return tool;
    }

    /** buildah/podman: which local image store to use. */
    public ContainersStorageOptions storage() {
        return storage;
    }

    /** How many platforms to build at once; empty: all (kaniko: one). */
    public Optional<Integer> parallelism() {
        return parallelism;
    }

    public FailurePolicy failurePolicy() {
        return failurePolicy;
    }

    /** How the target registry is reached (plain HTTP, timeouts, retries). */
    public RegistrySettings registries() {
        return registries;
    }

    /** Collects and checks the parts of a {@link BuildRequest}. */
    public static final class Builder {
        private final ImageReference target;
        private final Path contextDir;
        private final List<Platform> platforms = new ArrayList<>();
        private Path dockerfile;
        private final Map<String, String> buildArgs = new LinkedHashMap<>();
        private String targetStage;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private PlatformDestination destination = PlatformDestination.byDigest();
        private boolean insecureRegistry;
        private Platform buildPlatform;
        private String runId;
        private final List<String> indexTags = new ArrayList<>();
        private BuildToolKind tool;
        private ContainersStorageOptions storage = ContainersStorageOptions.defaults();
        private Integer parallelism;
        private FailurePolicy failurePolicy = FailurePolicy.SKIP_PENDING;
        private RegistrySettings registries = RegistrySettings.DEFAULT;

        private Builder(ImageReference target, Path contextDir) {
            this.target = Objects.requireNonNull(target, "target");
            this.contextDir = Objects.requireNonNull(contextDir, "contextDir");
            if (target.digest().isPresent()) {
                throw new InvalidBuildRequestException("target '" + target + "' names a digest; a build makes new"
                        + " content, so give a repository with a tag, e.g. " + target.repositoryName() + ":1.0");
            }
        }

        public Builder platform(Platform platform) {
            platforms.add(Objects.requireNonNull(platform, "platform"));
            return this;
        }

        public Builder platforms(List<Platform> list) {
            list.forEach(this::platform);
            return this;
        }

        /** The Dockerfile or Containerfile; unset means the builder's default inside the context. */
        public Builder dockerfile(Path file) {
            this.dockerfile = file;
            return this;
        }

        public Builder buildArg(String name, String value) {
            if (name == null || name.isEmpty() || name.contains("=") || name.chars().anyMatch(Character::isWhitespace)) {
                throw new InvalidBuildRequestException("invalid build argument name '" + name
                        + "': it must be non-empty, without '=' or spaces");
            }
            if (PlatformBuildArgs.RESERVED.contains(name)) {
                throw new InvalidBuildRequestException("build argument " + name + " is set for each platform from the"
                        + " platform itself and cannot be given for the whole build; remove it and choose the platforms"
                        + " (and the build platform) instead. Names set per platform: "
                        + String.join(", ", sorted(PlatformBuildArgs.RESERVED)));
            }
            buildArgs.put(name, Objects.requireNonNull(value, "value of build argument " + name));
            return this;
        }

        public Builder buildArgs(Map<String, String> args) {
            args.forEach(this::buildArg);
            return this;
        }

        /** The Dockerfile stage to build ({@code --target}); unset builds the last stage. */
        public Builder targetStage(String stage) {
            if (stage != null && !STAGE.matcher(stage).matches()) {
                throw new InvalidBuildRequestException("invalid target stage '" + stage
                        + "': a stage name is letters, digits, '_', '.', '-'");
            }
            this.targetStage = stage;
            return this;
        }

        public Builder label(String key, String value) {
            if (key == null || key.isEmpty() || key.contains("=")) {
                throw new InvalidBuildRequestException("invalid label key '" + key + "': it must be non-empty, without '='");
            }
            labels.put(key, Objects.requireNonNull(value, "value of label " + key));
            return this;
        }

        public Builder labels(Map<String, String> map) {
            map.forEach(this::label);
            return this;
        }

        /** By digest (the default) or per-platform tags. */
        public Builder destination(PlatformDestination value) {
            this.destination = Objects.requireNonNull(value, "destination");
            return this;
        }

        /** Shorthand for {@code destination(PlatformDestination.tagged(TagTemplate.parse(template)))}. */
        public Builder perPlatformTags(String template) {
            return destination(PlatformDestination.tagged(TagTemplate.parse(template)));
        }

        /** The registry is plain HTTP or has a certificate we do not verify. */
        public Builder insecureRegistry(boolean value) {
            this.insecureRegistry = value;
            return this;
        }

        /** The platform of the machine running the builder; sets BUILDPLATFORM and friends. */
        public Builder buildPlatform(Platform platform) {
            this.buildPlatform = platform;
            return this;
        }

        /**
         * The extra tags the multi-arch index will be published under, besides the target's own. Only checked here:
         * no per-platform tag may equal one, or the index and a platform image would overwrite each other.
         */
        public Builder indexTags(List<String> tags) {
            tags.forEach(t -> indexTags.add(Objects.requireNonNull(t, "index tag")));
            return this;
        }

        /** The builder tool; unset: the first of buildah, podman, buildx installed where the builds run. */
        public Builder tool(BuildToolKind value) {
            this.tool = value;
            return this;
        }

        /** buildah/podman: the local image store (driver, root, runroot); unset: the tool's own configuration. */
        public Builder storage(ContainersStorageOptions value) {
            this.storage = Objects.requireNonNull(value, "storage");
            return this;
        }

        /** How many platforms to build at once; unset: all at once (the tool may allow fewer: kaniko one). */
        public Builder parallelism(Integer value) {
            if (value != null && value < 1) {
                throw new InvalidBuildRequestException("parallel builds must be at least 1, got " + value);
            }
            this.parallelism = value;
            return this;
        }

        public Builder failurePolicy(FailurePolicy value) {
            this.failurePolicy = Objects.requireNonNull(value, "failurePolicy");
            return this;
        }

        /** How the target registry is reached; a plain-HTTP registry also makes the tools push insecurely. */
        public Builder registries(RegistrySettings value) {
            this.registries = Objects.requireNonNull(value, "registries");
            return this;
        }

        /** Fixes the run id (tests, retries); by default a random one is drawn. */
        public Builder runId(String id) {
            if (id != null && !RUN_ID.matcher(id).matches()) {
                throw new InvalidBuildRequestException("invalid run id '" + id + "': 1-32 lowercase letters and digits");
            }
            this.runId = id;
            return this;
        }

        public BuildRequest build() {
            if (platforms.isEmpty()) {
                throw new InvalidBuildRequestException("no platforms given for " + target
                        + "; name at least one, e.g. linux/amd64");
            }
            Set<Platform> seen = new LinkedHashSet<>();
            for (Platform p : platforms) {
                if (!seen.add(p)) {
                    throw new InvalidBuildRequestException("platform " + p + " is given twice");
                }
            }
            if (runId == null) {
                byte[] random = new byte[6];
                new SecureRandom().nextBytes(random);
                runId = HexFormat.of().formatHex(random);
            }
            BuildRequest request = new BuildRequest(this);
            if (destination instanceof PlatformDestination.Tagged tagged) {
                checkTags(tagged.template(), request.version());
            }
            request.requirePlatformTagsOutside(indexTags);
            return request;
        }

        private void checkTags(TagTemplate template, String version) {
            Map<String, Platform> byTag = new LinkedHashMap<>();
            for (Platform p : platforms) {
                String tag = template.render(p, version);
                Platform clash = byTag.put(tag, p);
                if (clash != null) {
                    throw new InvalidBuildRequestException("tag template '" + template + "' gives the same tag '" + tag
                            + "' for " + clash + " and " + p + "; add {arch}, {variant} or {platform}");
                }
                if (tag.equals(version)) {
                    throw new InvalidBuildRequestException("tag template '" + template + "' gives '" + tag + "' for " + p
                            + ", the tag of the multi-arch image itself; per-platform tags must differ from it");
                }
            }
        }

        private static List<String> sorted(Set<String> names) {
            return names.stream().sorted().toList();
        }
    }
}
