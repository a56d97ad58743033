package io.jenkins.plugins.multiarch.model;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.engine.imagebuild.BuildRequest;
import io.jenkins.plugins.multiarch.engine.imagebuild.BuildToolKind;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one {@code multiArchBuild} builds, resolved on the controller from its arguments, the build's environment and
 * the global defaults, and sent to the agent, where {@link #request} makes the engine's request against the agent's
 * workspace. Holds no secret (the credentials ID only).
 */
public final class BuildSpec implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String STEP = "multiArchBuild";

    private final ImageTarget target;
    private final Platform platform; // null: the agent's own
    private final BuildToolKind builder; // null: auto, the first installed on the agent
    private final String file;
    private final String context;
    private final LinkedHashMap<String, String> buildArgs;
    private final String targetStage;
    private final String tagTemplate;
    private final LinkedHashMap<String, String> labels;

    private BuildSpec(ImageTarget target, Platform platform, BuildToolKind builder, String file, String context,
                      Map<String, String> buildArgs, String targetStage, String tagTemplate, Map<String, String> labels) {
        this.target = target;
        this.platform = platform;
        this.builder = builder;
        this.file = file;
        this.context = context;
        this.buildArgs = new LinkedHashMap<>(buildArgs);
        this.targetStage = targetStage;
        this.tagTemplate = tagTemplate;
        this.labels = new LinkedHashMap<>(labels);
    }

    /**
     * @param globalBuilder  the global default builder ({@code auto}, {@code buildah}, ...), or null
     * @param globalRegistry the global default registry, or {@link RegistryChoice#NONE}
     * @throws InvalidInputException naming the argument or variable that is wrong
     */
    public static BuildSpec resolve(BuildArguments args, Map<String, String> environment, String globalBuilder,
                                    RegistryChoice globalRegistry) {
        ImageTarget target = ImageTarget.resolve(STEP, args.image, args.credentialsId, args.registry, args.insecure,
                environment, globalRegistry);
        Platform platform = platform(args.platform, environment);
        BuildToolKind builder = builder(args, environment, globalBuilder);
        if (!args.annotations.isEmpty()) {
            throw new InvalidInputException(Messages.BuildSpec_Annotations(STEP, String.join(", ", args.annotations.keySet())));
        }
        String context = StepEnvironment.argumentOrEnvironment(args.context, environment, StepEnvironment.CONTEXT);
        return new BuildSpec(target, platform, builder,
                StepEnvironment.argumentOrEnvironment(args.file, environment, StepEnvironment.FILE),
                context == null ? "." : context, args.buildArgs, Texts.trimToNull(args.target),
                Texts.trimToNull(args.tagTemplate), args.labels);
    }

    private static Platform platform(String argument, Map<String, String> environment) {
        String given = Texts.trimToNull(argument);
        String source = "platform";
        if (given == null) {
            given = Texts.trimToNull(environment.get(StepEnvironment.TARGET_PLATFORM));
            source = StepEnvironment.TARGET_PLATFORM;
        }
        if (given == null) {
            return null;
        }
        try {
            return Platform.parse(given);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(Messages.BuildSpec_InvalidPlatform(STEP, source, e.getMessage()));
        }
    }

    private static BuildToolKind builder(BuildArguments args, Map<String, String> environment, String globalBuilder) {
        String source = "builder";
        String name = Texts.trimToNull(args.builder);
        if (name == null) {
            name = Texts.trimToNull(environment.get(StepEnvironment.BUILDER));
            source = StepEnvironment.BUILDER;
        }
        if (name == null) {
            name = Texts.trimToNull(globalBuilder);
            source = Messages.BuildSpec_GlobalBuilder();
        }
        if (name == null || name.equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return BuildToolKind.parse(name);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(Messages.BuildSpec_UnknownBuilder(STEP, name, source, BuildToolKind.names()));
        }
    }

    public ImageTarget target() {
        return target;
    }

    /** The platform given ({@code platform} or {@code TARGETPLATFORM}); empty: the agent's own. */
    public Optional<Platform> platform() {
        return Optional.ofNullable(platform);
    }

    /** The builder named; empty: the first installed on the agent of buildah, podman and docker buildx. */
    public Optional<BuildToolKind> builder() {
        return Optional.ofNullable(builder);
    }

    /** The build arguments, in the order given. */
    public Map<String, String> buildArgs() {
        return Collections.unmodifiableMap(buildArgs);
    }

    public Map<String, String> labels() {
        return Collections.unmodifiableMap(labels);
    }

    public String context() {
        return context;
    }

    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    /**
     * The platform to build: the one given, else the agent's.
     *
     * @param agentPlatform the agent's platform as its JVM reports it (empty when not Linux or not known)
     */
    public Platform platformFor(Optional<Platform> agentPlatform) {
        if (platform != null) {
            return platform;
        }
        return agentPlatform.orElseThrow(() -> new InvalidInputException(
                Messages.BuildSpec_NoPlatform(STEP, StepEnvironment.TARGET_PLATFORM)));
    }

    /**
     * The engine's request, on the machine that builds: the context and the Dockerfile are looked up in
     * {@code workspace} (relative paths are relative to it, as for {@code sh}).
     */
    public BuildRequest request(Path workspace, Optional<Platform> agentPlatform) {
        Path contextDir = workspace.resolve(context).normalize();
        if (!Files.isDirectory(contextDir)) {
            throw new InvalidInputException(Messages.BuildSpec_NoContext(STEP, context, workspace));
        }
        Path dockerfile = null;
        if (file != null) {
            dockerfile = workspace.resolve(file).normalize();
            if (!Files.isRegularFile(dockerfile)) {
                throw new InvalidInputException(Messages.BuildSpec_NoFile(STEP, file, workspace));
            }
        } else if (!Files.isRegularFile(contextDir.resolve("Dockerfile"))
                && !Files.isRegularFile(contextDir.resolve("Containerfile"))) {
            throw new InvalidInputException(Messages.BuildSpec_NoDockerfile(STEP, context));
        }
        ImageReference image = target.reference();
        BuildRequest.Builder request = BuildRequest.builder(image, contextDir)
                .platform(platformFor(agentPlatform))
                .dockerfile(dockerfile)
                .buildArgs(buildArgs)
                .labels(labels)
                .targetStage(targetStage)
                .insecureRegistry(target.insecure())
                .registries(target.registrySettings())
                .tool(builder);
        if (tagTemplate != null) {
            request.perPlatformTags(tagTemplate);
        }
        return request.build();
    }
}
