package io.jenkins.plugins.multiarch.engine.imagebuild.tool;

import io.jenkins.plugins.multiarch.engine.imagebuild.tool.BuildWorkspace;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.PlatformBuild;
import io.jenkins.plugins.multiarch.engine.reference.Digest;

import java.io.IOException;

/**
 * A container image builder (buildah, podman, docker, buildx, kaniko) seen as the commands it needs and the
 * place it reports the pushed digest. It runs nothing itself: {@code PlatformBuildRunner} runs the plan through a
 * {@code CommandRunner}, so the same plan runs locally or on a Jenkins agent.
 */
public interface BuildTool {

    /** A short name for messages, e.g. {@code buildah}. */
    String name();

    /**
     * The commands that build {@code build} and push it.
     *
     * @param workspace where the plan may put files it wants back (digest file, metadata file)
     * @param auth      the Docker config directory with the push credentials, if any
     */
    BuildPlan plan(PlatformBuild build, BuildWorkspace workspace, RegistryAuth auth);

    /** The digest of the pushed image, read from the files or output the plan's commands left. */
    Digest readDigest(PlatformBuild build, BuildWorkspace workspace, StepOutputs outputs) throws IOException;

    /**
     * Whether the plan points {@code DOCKER_CONFIG} at the auth directory, hiding the user's own Docker config:
     * then the engine starts the temporary config.json from the user's (see {@code DockerConfigJson}).
     */
    default boolean replacesDockerConfig() {
        return false;
    }

    /** How many builds may run at once on one machine; kaniko builds in its own root filesystem, so one. */
    default int maxParallelBuilds() {
        return Integer.MAX_VALUE;
    }
}
