package io.jenkins.plugins.multiarch.cli;

import io.jenkins.plugins.multiarch.engine.imagebuild.BuildToolKind;

/** The values of {@code --builder}, as users type them; the engine's {@link BuildToolKind} behind each. */
enum BuilderOption {
    buildah(BuildToolKind.BUILDAH),
    podman(BuildToolKind.PODMAN),
    docker(BuildToolKind.DOCKER),
    buildx(BuildToolKind.BUILDX),
    kaniko(BuildToolKind.KANIKO);

    private final BuildToolKind kind;

    BuilderOption(BuildToolKind kind) {
        this.kind = kind;
    }

    BuildToolKind kind() {
        return kind;
    }
}
