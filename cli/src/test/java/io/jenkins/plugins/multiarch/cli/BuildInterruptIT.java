package io.jenkins.plugins.multiarch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build stopped with SIGTERM (what CI systems and Ctrl-C send) leaves no workspace behind: no OCI layout, and no
 * private auth file holding the registry password.
 */
class BuildInterruptIT {

    private static final String PASSWORD = "interrupt-S3cret";

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.htpasswd("builder", PASSWORD);

    @TempDir
    Path temp;

    @Test
    void sigtermDuringTheBuildsDeletesTheirWorkspaces() throws Exception {
        Path context = Files.createDirectories(temp.resolve("context"));
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY big /big\n");
        byte[] chunk = new byte[1 << 20];
        new Random(1).nextBytes(chunk);
        try (OutputStream big = Files.newOutputStream(context.resolve("big"))) {
            for (int i = 0; i < 200; i++) { // slow enough to be stopped while building
                big.write(chunk);
            }
        }
        Path tmp = Files.createDirectories(temp.resolve("tmp"));
        ProcessBuilder builder = new ProcessBuilder(MultiarchProcess.repositoryRoot().resolve("bin/multiarch").toString(),
                "build", registry.host() + "/cli/interrupted:1", "--platform", "linux/amd64,linux/arm64",
                "--builder", "buildah", "--context", context.toString(), "--storage-driver", "vfs",
                "--storage-root", temp.resolve("storage").toString(), "--username", "builder", "--password-stdin")
                .redirectErrorStream(true).redirectOutput(temp.resolve("output.txt").toFile());
        builder.environment().put("TMPDIR", tmp.toString());
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
        }

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (workspaces(tmp).isEmpty() && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(workspaces(tmp)).as("workspaces while building: %s", Files.readString(temp.resolve("output.txt")))
                .isNotEmpty();
        process.destroy(); // SIGTERM
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();

        assertThat(process.exitValue()).isNotZero();
        assertThat(workspaces(tmp)).as("workspaces left after SIGTERM").isEmpty();
        assertThat(Files.readString(temp.resolve("output.txt"))).doesNotContain(PASSWORD);
    }

    private static List<Path> workspaces(Path tmp) throws Exception {
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("multiarch-")).toList();
        }
    }
}
