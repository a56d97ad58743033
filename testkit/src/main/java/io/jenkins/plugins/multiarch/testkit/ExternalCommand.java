package io.jenkins.plugins.multiarch.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program to completion and returns what it printed. A non-zero exit or a timeout fails with the command line and
 * its output. Callers keep secrets off command lines (auth files instead), so the message is safe to show.
 */
final class ExternalCommand {

    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    /** What a finished command printed. */
    record Output(String stdout, String stderr) {
    }

    private ExternalCommand() {
    }

    static Output run(List<String> command) {
        return run(command, DEFAULT_TIMEOUT);
    }

    static Output run(List<String> command, Duration timeout) {
        return run(command, Map.of(), timeout);
    }

    /** With {@code env} added to this process's environment. */
    static Output run(List<String> command, Map<String, String> env, Duration timeout) {
        Path outputDir = Directories.createTemp("rig-cmd-");
        try {
            Path stdout = outputDir.resolve("stdout");
            Path stderr = outputDir.resolve("stderr");
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(env);
            Process process = builder
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            Output output = new Output(Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
            if (!finished) {
                throw new IllegalStateException("command timed out after " + timeout + ": " + String.join(" ", command)
                        + describe(output));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("command failed with exit code " + process.exitValue() + ": "
                        + String.join(" ", command) + describe(output));
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        } finally {
            Directories.deleteRecursively(outputDir);
        }
    }

    private static String describe(Output output) {
        return "\n--- stdout ---\n" + output.stdout() + "\n--- stderr ---\n" + output.stderr();
    }
}
