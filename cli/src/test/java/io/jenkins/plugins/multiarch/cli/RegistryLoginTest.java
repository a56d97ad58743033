package io.jenkins.plugins.multiarch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryLoginTest {

    private static final Map<String, String> ENV = Map.of("MIRROR_TOKEN", "t0ken-s3cret", "EMPTY", "");

    @TempDir
    Path dir;

    @Test
    void thePasswordComesFromTheNamedEnvironmentVariable() {
        RegistryLogin login = RegistryLogin.parse("mirror.example:5000=bot:env:MIRROR_TOKEN", ENV::get);

        assertThat(login.registry()).isEqualTo("mirror.example:5000");
        assertThat(login.credentials().username()).isEqualTo("bot");
        assertThat(login.credentials().secret()).isEqualTo("t0ken-s3cret");
    }

    @Test
    void thePasswordComesFromTheNamedFileWithoutItsLastNewline() throws Exception {
        Path file = Files.writeString(dir.resolve("pass"), "file-s3cret\n");

        RegistryLogin login = RegistryLogin.parse("docker.io=example:file:" + file, ENV::get);

        assertThat(login.credentials().secret()).isEqualTo("file-s3cret");
    }

    @Test
    void dockerHubsOtherNamesAreDockerIo() {
        assertThat(RegistryLogin.parse("index.docker.io=example:env:MIRROR_TOKEN", ENV::get).registry())
                .isEqualTo("docker.io");
    }

    @Test
    void aPasswordOnTheCommandLineIsRefused() {
        assertThatThrownBy(() -> RegistryLogin.parse("mirror.example=bot:hunter2", ENV::get))
                .isInstanceOf(UsageException.class)
                .hasMessage("invalid --login mirror.example=bot:hunter2: the password's source must be env:VARIABLE"
                        + " or file:PATH (a password itself is not accepted on the command line)");
    }

    @Test
    void eachMalformedValueSaysWhatIsWrong() {
        assertThatThrownBy(() -> RegistryLogin.parse("mirror.example", ENV::get))
                .hasMessage("invalid --login mirror.example: expected " + RegistryLogin.FORMAT);
        assertThatThrownBy(() -> RegistryLogin.parse("=bot:env:X", ENV::get))
                .hasMessage("invalid --login =bot:env:X: expected " + RegistryLogin.FORMAT);
        assertThatThrownBy(() -> RegistryLogin.parse("https://mirror.example=bot:env:X", ENV::get))
                .hasMessageContaining("'https://mirror.example' is not a registry host[:port]");
        assertThatThrownBy(() -> RegistryLogin.parse("mirror.example=:env:X", ENV::get))
                .hasMessageContaining("the user is empty");
        assertThatThrownBy(() -> RegistryLogin.parse("mirror.example=bot:env:NOT_SET", ENV::get))
                .hasMessageContaining("the environment variable NOT_SET is not set or empty");
        assertThatThrownBy(() -> RegistryLogin.parse("mirror.example=bot:env:EMPTY", ENV::get))
                .hasMessageContaining("the environment variable EMPTY is not set or empty");
        assertThatThrownBy(() -> RegistryLogin.parse("mirror.example=bot:env:1-x", ENV::get))
                .hasMessageContaining("'1-x' is not an environment variable name");
        assertThatThrownBy(() -> RegistryLogin.parse("mirror.example=bot:file:" + dir.resolve("missing"), ENV::get))
                .hasMessageContaining("cannot read " + dir.resolve("missing") + " (NoSuchFileException)");
    }

    @Test
    void anEmptyPasswordFileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("empty"), "\n");

        assertThatThrownBy(() -> RegistryLogin.parse("mirror.example=bot:file:" + file, ENV::get))
                .hasMessageContaining("the file " + file + " is empty");
    }

    @Test
    void noMessageCarriesThePassword() {
        assertThatThrownBy(() -> RegistryLogin.parse("mirror.example=a:b:env:MIRROR_TOKEN", ENV::get))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("t0ken-s3cret"));
    }
}
