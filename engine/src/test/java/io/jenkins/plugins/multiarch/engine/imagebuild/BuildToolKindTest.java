package io.jenkins.plugins.multiarch.engine.imagebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.ContainersStorageOptions;
import io.jenkins.plugins.multiarch.engine.process.ProgramLookup;
import io.jenkins.plugins.multiarch.engine.process.ToolNotFoundException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuildToolKindTest {

    private static ProgramLookup only(String... installed) {
        return program -> Set.of(installed).contains(program) ? Optional.of(Path.of("/usr/bin", program)) : Optional.empty();
    }

    @Test
    void theDefaultIsTheFirstInstalledOfBuildahPodmanBuildx() {
        assertThat(BuildToolKind.detect(only("buildah", "podman", "docker"))).isEqualTo(BuildToolKind.BUILDAH);
        assertThat(BuildToolKind.detect(only("podman", "docker"))).isEqualTo(BuildToolKind.PODMAN);
        assertThat(BuildToolKind.detect(only("docker"))).isEqualTo(BuildToolKind.BUILDX);
        assertThatThrownBy(() -> BuildToolKind.detect(only("/kaniko/executor")))
                .isInstanceOf(ToolNotFoundException.class)
                .hasMessageContaining("no builder found: none of buildah, podman, buildx is installed")
                .hasMessageContaining("or name a builder");
    }

    @Test
    void aMissingNamedBuilderSaysWhatToInstall() {
        BuildToolKind.BUILDAH.requireInstalled(only("buildah"));
        assertThatThrownBy(() -> BuildToolKind.BUILDX.requireInstalled(only("buildah")))
                .isInstanceOf(ToolNotFoundException.class)
                .hasMessageContaining("the builder buildx needs 'docker'")
                .hasMessageContaining("install docker.io and docker-buildx");
    }

    @Test
    void eachBuilderRunsItsProgram() {
        assertThat(BuildToolKind.BUILDX.program()).isEqualTo("docker");
        assertThat(BuildToolKind.KANIKO.program()).isEqualTo("/kaniko/executor");
        assertThat(BuildToolKind.KANIKO.create(null, null).maxParallelBuilds()).isEqualTo(1);
        assertThat(BuildToolKind.PODMAN.create(ContainersStorageOptions.defaults(), null).name()).isEqualTo("podman");
        assertThat(BuildToolKind.BUILDAH.usesContainersStorage()).isTrue();
        assertThat(BuildToolKind.BUILDX.usesContainersStorage()).isFalse();
    }

    @Test
    void namesAreParsedAsUsersWriteThem() {
        assertThat(BuildToolKind.parse(" Buildx ")).isEqualTo(BuildToolKind.BUILDX);
        assertThat(BuildToolKind.BUILDAH).hasToString("buildah");
        assertThatThrownBy(() -> BuildToolKind.parse("bazel")).isInstanceOf(InvalidInputException.class)
                .hasMessage("unknown builder 'bazel': valid builders are buildah, podman, docker, buildx, kaniko");
    }
}
