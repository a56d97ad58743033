package io.jenkins.plugins.multiarch.engine.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs one command and streams its output. The CLI runs local processes ({@link LocalCommandRunner}); the Jenkins
 * plugin runs the same argv through an agent's launcher, which is why nothing here assumes a local process.
 */
public interface CommandRunner {

    /**
     * Runs {@code argv} (no shell) and waits for it to end.
     *
     * @param argv    the program and its arguments; never contains a secret
     * @param env     variables added to (or overriding) the runner's own environment
     * @param workDir the working directory, or {@code null} for the runner's default
     * @param output  receives standard output and standard error merged, line by line
     * @return the exit code
     * @throws ToolNotFoundException if the program is not installed
     * @throws IOException           if the command could not be started or its output not read
     * @throws InterruptedException  if the caller was interrupted; the command is stopped first
     */
    int run(List<String> argv, Map<String, String> env, Path workDir, LineSink output)
            throws IOException, InterruptedException;

    /** Runs nothing: every command fails as a program that is not there. For hosts that are not given a runner. */
    static CommandRunner none() {
        return (argv, env, workDir, output) -> {
            throw new ToolNotFoundException(argv.isEmpty() ? "?" : argv.get(0), (Throwable) null);
        };
    }
}
