package io.jenkins.plugins.multiarch.engine.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.multiarch.testkit.FaultCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A credential helper is bounded: in output (64 KiB), and in time, with every process it started stopped with it.
 * Real helper programs (shell scripts) run from a directory of our own.
 */
class CredentialHelperLimitsTest {

    @TempDir
    Path dir;
    Path bin;

    @BeforeEach
    void directories() throws IOException {
        bin = Files.createDirectory(dir.resolve("bin"));
    }

    @Test
    @FaultCase(area = "leftovers", fault = "a credential helper that hangs waiting on a child it started",
            outcome = "fails at the helper timeout naming the helper; the helper and its child are both stopped")
    void aHungHelperIsStoppedWithItsChildren() throws Exception {
        Path pids = dir.resolve("pids");
        // The child keeps the helper's standard output open, as a keychain prompt would; the helper waits on it.
        script("hang", """
                #!/bin/sh
                sleep 300 &
                echo "$$ $!" > '%s'
                wait
                """.formatted(pids));

        assertThatThrownBy(() -> find("hang", Duration.ofMillis(1500)))
                .hasMessageContaining("credential helper docker-credential-hang did not answer within 1500 ms")
                .hasMessageContaining("stopped with the processes it started");

        String[] started = Files.readString(pids).trim().split(" ");
        for (String pid : started) {
            Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(pid));
            if (process.isPresent()) {
                // Killed processes end within moments; the bound only keeps a failing test from hanging.
                process.get().onExit().get(10, TimeUnit.SECONDS);
            }
            assertThat(ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive)).as("pid " + pid)
                    .isNotEqualTo(Optional.of(true));
        }
    }

    @Test
    @FaultCase(area = "bodies", fault = "a credential helper that writes 400 MB to standard output",
            outcome = "refused after 64 KiB naming the helper and the limit; the helper is stopped, not waited for")
    void aHelperThatWritesForeverIsCutOffAtItsLimit() throws Exception {
        script("flood", """
                #!/bin/sh
                head -c 400000000 /dev/zero
                """);

        assertThatThrownBy(() -> find("flood", Duration.ofSeconds(20)))
                .hasMessageContaining("credential helper docker-credential-flood")
                .hasMessageContaining("wrote more than 64 KiB");
    }

    private Optional<?> find(String helper, Duration timeout) throws IOException {
        Path config = Files.writeString(dir.resolve("config.json"),
                "{\"credHelpers\":{\"registry.example.com\":\"" + helper + "\"}}");
        return DockerConfigCredentials.load(config, bin, timeout).find("registry.example.com");
    }

    private void script(String name, String body) throws IOException {
        Path file = bin.resolve("docker-credential-" + name);
        Files.writeString(file, body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
