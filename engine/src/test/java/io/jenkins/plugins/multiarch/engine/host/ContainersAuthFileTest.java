package io.jenkins.plugins.multiarch.engine.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ContainersAuthFileTest {

    @TempDir
    Path temp;

    @Test
    void looksWhereTheContainersToolsLookInTheirOrder() {
        Path home = Path.of("/home/ci");

        assertThat(ContainersAuthFile.candidates(Map.of("REGISTRY_AUTH_FILE", "/etc/auth.json", "XDG_RUNTIME_DIR", "/run/user/1000"),
                Optional.of(1000), home)).containsExactly(Path.of("/etc/auth.json"),
                Path.of("/run/user/1000/containers/auth.json"), Path.of("/home/ci/.config/containers/auth.json"));
        // Without XDG_RUNTIME_DIR (root in a CI container): /run/containers/UID.
        assertThat(ContainersAuthFile.candidates(Map.of(), Optional.of(0), home)).containsExactly(
                Path.of("/run/containers/0/auth.json"), Path.of("/home/ci/.config/containers/auth.json"));
    }

    @Test
    void theFirstExistingFileGivesTheCredentials() throws Exception {
        Path runtime = Files.createDirectories(temp.resolve("run/containers"));
        Path home = temp.resolve("home");
        Files.createDirectories(home.resolve(".config/containers"));
        String auth = Base64.getEncoder().encodeToString("bob:pw-from-login".getBytes(StandardCharsets.UTF_8));
        Files.writeString(home.resolve(".config/containers/auth.json"), "{\"auths\":{\"reg.example.com\":{\"auth\":\"" + auth + "\"}}}");
        Map<String, String> env = Map.of("XDG_RUNTIME_DIR", temp.resolve("run").toString());

        Optional<Path> found = ContainersAuthFile.locate(env, Optional.empty(), home);
        assertThat(found).contains(home.resolve(".config/containers/auth.json"));
        assertThat(DockerConfigCredentials.load(found.orElseThrow()).find("reg.example.com"))
                .hasValueSatisfying(c -> assertThat(c.username()).isEqualTo("bob"));

        Files.writeString(runtime.resolve("auth.json"), "{\"auths\":{}}");
        assertThat(ContainersAuthFile.locate(env, Optional.empty(), home)).contains(runtime.resolve("auth.json"));
    }
}
