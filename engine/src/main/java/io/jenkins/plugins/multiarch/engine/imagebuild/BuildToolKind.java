package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.BuildTool;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.BuildahTool;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.BuildxTool;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.ContainersStorageOptions;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.DockerTool;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.KanikoTool;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.PodmanTool;
import io.jenkins.plugins.multiarch.engine.process.ProgramLookup;
import io.jenkins.plugins.multiarch.engine.process.ToolNotFoundException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The builder tools the engine can drive, the program each runs, and the default.
 *
 * <p>The default is the first installed of buildah, podman, buildx: the ones that leave no per-platform tag in the
 * registry, daemonless first (they run in any CI container). The classic {@code docker} builder (it needs a temporary
 * tag per platform) and kaniko (it runs only inside its executor image) are used only when named.
 */
public enum BuildToolKind {
    BUILDAH("buildah", "buildah"),
    PODMAN("podman", "podman"),
    DOCKER("docker", "docker.io"),
    BUILDX("docker", "docker.io and docker-buildx"),
    KANIKO(KanikoTool.DEFAULT_EXECUTOR, "the kaniko executor image (gcr.io/kaniko-project/executor)");

    /** What is tried, in order, when no tool is named. */
    public static final List<BuildToolKind> DEFAULT_ORDER = List.of(BUILDAH, PODMAN, BUILDX);

    private final String program;
    private final String install;

    BuildToolKind(String program, String install) {
        this.program = program;
        this.install = install;
    }

    /** The program it runs, e.g. {@code docker} for buildx. */
    public String program() {
        return program;
    }

    /** What to install to get {@link #program()}, e.g. {@code docker.io and docker-buildx}. */
    public String installHint() {
        return install;
    }

    /** buildah and podman keep images in a containers/storage store, which storage options choose. */
    public boolean usesContainersStorage() {
        return this == BUILDAH || this == PODMAN;
    }

    /** {@code buildah}, as users write it. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** From a name as users write it: {@code buildah}, {@code podman}, {@code docker}, {@code buildx}, {@code kaniko}. */
    public static BuildToolKind parse(String text) {
        for (BuildToolKind kind : values()) {
            if (kind.toString().equals(text == null ? null : text.trim().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new InvalidInputException("unknown builder '" + text + "': valid builders are " + names());
    }

    /** {@code buildah, podman, docker, buildx, kaniko}. */
    public static String names() {
        return Arrays.stream(values()).map(BuildToolKind::toString).collect(Collectors.joining(", "));
    }

    /** The first installed builder of {@link #DEFAULT_ORDER}. */
    public static BuildToolKind detect(ProgramLookup programs) {
        for (BuildToolKind kind : DEFAULT_ORDER) {
            if (programs.find(kind.program).isPresent()) {
                return kind;
            }
        }
        throw new ToolNotFoundException("no builder found: none of " + DEFAULT_ORDER.stream().map(Enum::toString)
                .collect(Collectors.joining(", ")) + " is installed. Install buildah (Debian: apt-get install -y"
                + " buildah) or podman, or docker with buildx, or name a builder", "buildah");
    }

    /** Fails with what to install when this builder's program is missing. */
    public void requireInstalled(ProgramLookup programs) {
        if (programs.find(program).isEmpty()) {
            throw new ToolNotFoundException("the builder " + this + " needs '" + program + "', which is not installed or"
                    + " not on the PATH; install " + install + ", or choose another builder (" + names() + ")", program);
        }
    }

    /**
     * The adapter for this tool.
     *
     * @param storage      buildah/podman: the local image store
     * @param buildxConfig buildx: the user's buildx directory, kept visible when credentials replace DOCKER_CONFIG
     */
    public BuildTool create(ContainersStorageOptions storage, Path buildxConfig) {
        return switch (this) {
            case BUILDAH -> new BuildahTool(storage);
            case PODMAN -> new PodmanTool(storage);
            case DOCKER -> new DockerTool();
            case BUILDX -> new BuildxTool("docker", null, buildxConfig);
            case KANIKO -> new KanikoTool();
        };
    }
}
