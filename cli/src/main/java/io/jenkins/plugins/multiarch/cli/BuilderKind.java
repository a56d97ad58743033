package io.jenkins.plugins.multiarch.cli;

import io.jenkins.plugins.multiarch.engine.imagebuild.tool.BuildahTool;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.BuildxTool;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.ContainersStorageOptions;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.DockerTool;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.BuildTool;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.KanikoTool;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.PodmanTool;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The builders {@code multiarch build --builder} accepts, the program each runs, and the default.
 *
 * <p>The default is the first installed of buildah, podman, buildx: the ones that leave no per-platform tag in the
 * registry, daemonless first (they run in any CI container). The classic {@code docker} builder (it needs a temporary
 * tag per platform) and kaniko (it runs only inside its executor image) are used only when named.
 */
enum BuilderKind {
    buildah("buildah", "buildah"),
    podman("podman", "podman"),
    docker("docker", "docker.io"),
    buildx("docker", "docker.io and docker-buildx"),
    kaniko(KanikoTool.DEFAULT_EXECUTOR, "the kaniko executor image (gcr.io/kaniko-project/executor)");

    static final List<BuilderKind> DEFAULT_ORDER = List.of(buildah, podman, buildx);

    private final String program;
    private final String install;

    BuilderKind(String program, String install) {
        this.program = program;
        this.install = install;
    }

    String program() {
        return program;
    }

    /** buildah and podman keep images in a containers/storage store, which --storage-driver and --storage-root pick. */
    boolean usesContainersStorage() {
        return this == buildah || this == podman;
    }

    /** The first installed builder of {@link #DEFAULT_ORDER}. */
    static BuilderKind detect(ProgramLookup programs) {
        for (BuilderKind kind : DEFAULT_ORDER) {
            if (programs.find(kind.program).isPresent()) {
                return kind;
            }
        }
        throw new MissingToolException("no builder found: none of " + DEFAULT_ORDER.stream().map(Enum::name)
                .collect(Collectors.joining(", ")) + " is installed. Install buildah (Debian: apt-get install -y"
                + " buildah) or podman, or docker with buildx, or name a builder with --builder");
    }

    /** Fails with what to install when this builder's program is missing. */
    void requireInstalled(ProgramLookup programs) {
        if (programs.find(program).isEmpty()) {
            throw new MissingToolException("--builder " + name() + " needs '" + program + "', which is not installed or"
                    + " not on the PATH; install " + install + ", or choose another builder with --builder ("
                    + java.util.Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
        }
    }

    BuildTool create(ContainersStorageOptions storage) {
        return switch (this) {
            case buildah -> new BuildahTool(storage);
            case podman -> new PodmanTool(storage);
            case docker -> new DockerTool();
            case buildx -> new BuildxTool();
            case kaniko -> new KanikoTool();
        };
    }
}
