package io.jenkins.plugins.multiarch.engine.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMachineTest {

    @Test
    void theDockerConfigDirectoryIsDockerConfigElseDotDocker(@TempDir Path home) {
        assertThat(LocalMachine.dockerConfigDirectory(Map.of(), home)).isEqualTo(home.resolve(".docker"));
        assertThat(LocalMachine.dockerConfigDirectory(Map.of("DOCKER_CONFIG", "/cfg"), home)).isEqualTo(Path.of("/cfg"));
        assertThat(LocalMachine.dockerConfigDirectory(Map.of("DOCKER_CONFIG", ""), home)).isEqualTo(home.resolve(".docker"));
    }

    @Test
    void theUsersBuildxDirectoryIsFoundWhereDockerKeepsIt(@TempDir Path home) throws Exception {
        assertThat(LocalMachine.buildxConfigDirectory(Map.of(), home)).isEmpty();
        Files.createDirectories(home.resolve(".docker/buildx"));
        Files.createDirectories(home.resolve("cfg/buildx"));

        assertThat(LocalMachine.buildxConfigDirectory(Map.of(), home)).contains(home.resolve(".docker/buildx"));
        assertThat(LocalMachine.buildxConfigDirectory(Map.of("DOCKER_CONFIG", home.resolve("cfg").toString()), home))
                .contains(home.resolve("cfg/buildx"));
        // Set by the user, it is inherited as it is.
        assertThat(LocalMachine.buildxConfigDirectory(Map.of("BUILDX_CONFIG", "/elsewhere"), home)).isEmpty();
    }
}
