package io.jenkins.plugins.multiarch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, end to end: {@code bin/demo} builds, publishes, cross-checks and shows the guard, and
 * leaves nothing running or lying around. Runs after package, so the demo finds the jar and does not build it.
 */
class DemoIT {

    private static final long TIMEOUT_SECONDS = 300;

    @TempDir
    Path tmp;

    @Test
    void theDemoPublishesThreePlatformsShowsTheGuardAndLeavesNothingBehind() throws Exception {
        Path output = tmp.resolve("demo.out");
        ProcessBuilder demo = new ProcessBuilder(MultiarchProcess.repositoryRoot().resolve("bin/demo").toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Path scratch = Files.createDirectory(tmp.resolve("scratch"));
        demo.environment().put("TMPDIR", scratch.toString());
        long started = System.nanoTime();
        Process process = demo.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError("bin/demo did not finish in " + TIMEOUT_SECONDS + " s:\n" + Files.readString(output));
        }
        String out = Files.readString(output);
        System.out.println(out);
        System.out.printf("bin/demo took %.1f s%n", (System.nanoTime() - started) / 1e9);

        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out).contains(
                "=== 4. multiarch build --publish: three images by digest, verified, one index ===",
                "tags written:   0.0.1, latest",
                "--> the index lists exactly: linux/amd64 linux/arm/v7 linux/arm64",
                "--> each built digest (--digest-file) is in the index",
                "amd64-as-arm64 (", "is linux/amd64: publishing it would make arm64 hosts fail with 'exec format error'",
                "arm64-with-amd64-binary: /hello is an x86-64 ELF executable; arm64 hosts would fail with 'exec format error'",
                "--> both refused, and 0.0.1 is untouched",
                "=== Summary ===");
        assertThat(out).doesNotContain("FAILED");
        assertThat(group(out, "0\\.0\\.1 before: (sha256:[0-9a-f]{64})"))
                .isEqualTo(group(out, "0\\.0\\.1 after: +(sha256:[0-9a-f]{64})"));

        // Nothing left: the registry's port is closed and the demo's work directory is gone.
        int port = Integer.parseInt(group(out, "is serving 127\\.0\\.0\\.1:(\\d+)"));
        assertThat(listening(port)).as("something still listens on port " + port).isFalse();
        try (var left = Files.list(scratch)) {
            assertThat(left).as("left in TMPDIR").isEmpty();
        }
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("output has " + regex).isTrue();
        return m.group(1);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
