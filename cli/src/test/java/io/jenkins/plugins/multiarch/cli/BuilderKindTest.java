package io.jenkins.plugins.multiarch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuilderKindTest {

    private static ProgramLookup only(String... installed) {
        return program -> Set.of(installed).contains(program) ? Optional.of(Path.of("/usr/bin", program)) : Optional.empty();
    }

    @Test
    void theDefaultIsTheFirstInstalledOfBuildahPodmanBuildx() {
        assertThat(BuilderKind.detect(only("buildah", "podman", "docker"))).isEqualTo(BuilderKind.buildah);
        assertThat(BuilderKind.detect(only("podman", "docker"))).isEqualTo(BuilderKind.podman);
        assertThat(BuilderKind.detect(only("docker"))).isEqualTo(BuilderKind.buildx);
        assertThatThrownBy(() -> BuilderKind.detect(only("/kaniko/executor")))
                .isInstanceOf(MissingToolException.class)
                .hasMessageContaining("name a builder with --builder");
    }

    @Test
    void eachBuilderRunsItsProgram() {
        assertThat(BuilderKind.buildx.program()).isEqualTo("docker");
        assertThat(BuilderKind.kaniko.program()).isEqualTo("/kaniko/executor");
        assertThat(BuilderKind.kaniko.create(null).maxParallelBuilds()).isEqualTo(1);
        assertThat(BuilderKind.podman.create(io.jenkins.plugins.multiarch.engine.imagebuild.tool.ContainersStorageOptions
                .defaults()).name()).isEqualTo("podman");
        assertThat(BuilderKind.buildah.usesContainersStorage()).isTrue();
        assertThat(BuilderKind.buildx.usesContainersStorage()).isFalse();
    }

    @Test
    void programLookupFindsExecutablesOnThePathOnly(@TempDir Path dir) throws Exception {
        Path tool = Files.createFile(dir.resolve("tool"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path text = Files.createFile(dir.resolve("text"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        ProgramLookup path = ProgramLookup.onPath("/nonexistent::" + dir);

        assertThat(path.find("tool")).contains(tool);
        assertThat(path.find("text")).isEmpty();
        assertThat(path.find("no-such-program-here")).isEmpty();
        assertThat(path.find(tool.toString())).contains(tool);
        assertThat(path.find(text.toString())).isEmpty();
        assertThat(ProgramLookup.onPath(null).find("tool")).isEmpty();
    }
}
