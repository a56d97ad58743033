package io.jenkins.plugins.multiarch.engine.process;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs commands as processes of this JVM's machine with {@link ProcessBuilder}, merging stderr into stdout. Standard
 * input is empty: no command in a build plan reads it. Either the processes inherit this process's environment (the
 * CLI), or they get exactly the environment given (a Jenkins agent runs them with the build's environment, not the
 * agent process's), and programs are then looked up on that environment's {@code PATH}.
 */
public final class LocalCommandRunner implements CommandRunner {

    /** How long a process gets to stop after being asked before it is killed. */
    private static final long STOP_GRACE_SECONDS = 10;

    private final Map<String, String> environment; // null: inherit this process's

    /** Processes inherit this process's environment. */
    public LocalCommandRunner() {
        this.environment = null;
    }

    /** Processes get exactly {@code environment} (plus each command's own variables). */
    public LocalCommandRunner(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public int run(List<String> argv, Map<String, String> env, Path workDir, LineSink output)
            throws IOException, InterruptedException {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command line");
        }
        List<String> command = argv;
        if (environment != null && !argv.get(0).contains("/")) {
            // ProcessBuilder would search this JVM's PATH, not the one these processes get.
            Path program = ProgramLookup.onPath(environment.get("PATH")).find(argv.get(0))
                    .orElseThrow(() -> new ToolNotFoundException(argv.get(0), (Throwable) null));
            command = new java.util.ArrayList<>(argv);
            command.set(0, program.toString());
        }
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        if (environment != null) {
            pb.environment().clear();
            pb.environment().putAll(environment);
        }
        pb.environment().putAll(env);
        if (workDir != null) {
            if (!workDir.toFile().isDirectory()) {
                // Checked here because ProcessBuilder reports a missing directory like a missing program.
                throw new IOException("working directory '" + workDir + "' does not exist or is not a directory");
            }
            pb.directory(workDir.toFile());
        }
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            if (isNotFound(e)) {
                throw new ToolNotFoundException(argv.get(0), e);
            }
            throw new IOException("could not start '" + argv.get(0) + "': " + e.getMessage(), e);
        }
        // Output is pumped on its own thread so that this one waits interruptibly (a blocked read is not).
        AtomicReference<RuntimeException> pumpFailure = new AtomicReference<>();
        Thread pump = new Thread(() -> {
            try {
                pump(process.getInputStream(), output, pumpFailure);
            } catch (RuntimeException e) {
                pumpFailure.compareAndSet(null, e);
            }
        }, "output of " + argv.get(0));
        pump.setDaemon(true);
        pump.start();
        try {
            int exitCode = process.waitFor();
            pump.join();
            if (pumpFailure.get() != null) {
                Throwable cause = pumpFailure.get();
                if (cause instanceof UncheckedIOException io) {
                    throw new IOException("reading the output of '" + argv.get(0) + "' failed", io.getCause());
                }
                throw pumpFailure.get();
            }
            return exitCode;
        } catch (InterruptedException e) {
            stop(process);
            pump.join(TimeUnit.SECONDS.toMillis(STOP_GRACE_SECONDS)); // the pipe closes with the process
            throw e;
        }
    }

    private static void pump(InputStream in, LineSink output, AtomicReference<RuntimeException> failure) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                try {
                    output.line(line);
                } catch (RuntimeException e) {
                    // Keep draining: a process whose pipe fills up would never end.
                    failure.compareAndSet(null, e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isNotFound(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("error=2,") || message.contains("No such file or directory");
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException again) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
