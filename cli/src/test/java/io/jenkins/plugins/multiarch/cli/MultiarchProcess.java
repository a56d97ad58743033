package io.jenkins.plugins.multiarch.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs {@code bin/multiarch} as a user would: a separate process on the packaged jar. */
final class MultiarchProcess {

    /** What a run printed and how it ended. */
    record Outcome(int exitCode, String stdout, String stderr) {
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("bin/multiarch"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("bin/multiarch not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /**
     * Runs bin/multiarch with {@code env} added to this process's environment. Credentials come from nowhere unless
     * {@code env} says otherwise: DOCKER_CONFIG is an empty directory and REGISTRY_AUTH_FILE an auth file without
     * entries, so the developer's own logins cannot make a test pass or fail; and no CI variable of the machine
     * running the tests says what git state is built ({@link #stripCiGitVariables}).
     */
    static Outcome run(String stdin, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(repositoryRoot().resolve("bin/multiarch").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Path scratch = Files.createTempDirectory("multiarch-process");
        try {
            stripCiGitVariables(builder.environment());
            builder.environment().putAll(noCredentials(scratch));
            builder.environment().putAll(env);
            Path out = scratch.resolve("stdout.txt");
            Path err = scratch.resolve("stderr.txt");
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("multiarch " + String.join(" ", args) + " did not finish in 120 s");
            }
            return new Outcome(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            deleteRecursively(scratch);
        }
    }

    /**
     * The variables by which a CI says what it builds: the tests run inside CI too (Jenkins sets BRANCH_NAME and
     * GIT_COMMIT, GitHub Actions GITHUB_REF), and --tags-from-git must see only what a test sets.
     */
    static void stripCiGitVariables(Map<String, String> env) {
        env.keySet().removeIf(name -> name.startsWith("GITHUB_") || name.startsWith("CHANGE_")
                || List.of("TAG_NAME", "BRANCH_NAME", "GIT_COMMIT", "GIT_URL", "GIT_BRANCH", "GIT_DIR", "GIT_WORK_TREE")
                .contains(name));
    }

    private static Map<String, String> noCredentials(Path scratch) throws IOException {
        Path dockerConfig = Files.createDirectory(scratch.resolve("docker-config"));
        Path authFile = Files.writeString(scratch.resolve("containers-auth.json"), "{\"auths\":{}}");
        return Map.of("DOCKER_CONFIG", dockerConfig.toString(), "REGISTRY_AUTH_FILE", authFile.toString());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    static Outcome run(String... args) throws IOException, InterruptedException {
        return run(null, Map.of(), args);
    }

    private MultiarchProcess() {
    }
}
