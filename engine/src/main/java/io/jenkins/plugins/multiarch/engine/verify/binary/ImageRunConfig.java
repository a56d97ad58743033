package io.jenkins.plugins.multiarch.engine.verify.binary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The parts of an image config that decide which program a container starts.
 *
 * @param entrypoint {@code config.Entrypoint}, or {@code null}
 * @param cmd        {@code config.Cmd}, or {@code null}; Docker stores shell form as {@code ["/bin/sh","-c","…"]}
 * @param workingDir {@code config.WorkingDir}, or {@code null} / empty for {@code /}
 * @param env        {@code config.Env} as {@code NAME=value} strings, or {@code null}
 */
public record ImageRunConfig(List<String> entrypoint, List<String> cmd, String workingDir, List<String> env) {

    /** The PATH Docker and containerd give a container whose image sets none. */
    public static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public ImageRunConfig {
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        cmd = cmd == null ? null : List.copyOf(cmd);
        env = env == null ? List.of() : List.copyOf(env);
    }

    /**
     * The argv the container runs: Entrypoint followed by Cmd, or Cmd alone. An Entrypoint of {@code [""]} counts as
     * unset, which is what {@code --entrypoint ""} means to Docker.
     */
    public List<String> argv() {
        List<String> argv = new ArrayList<>();
        if (entrypoint != null && !entrypoint.isEmpty() && !entrypoint.get(0).isEmpty()) {
            argv.addAll(entrypoint);
        }
        if (cmd != null) {
            argv.addAll(cmd);
        }
        return argv;
    }

    /** The program name the runtime executes ({@code argv[0]}), or {@code null} when nothing is set. */
    public String program() {
        List<String> argv = argv();
        return argv.isEmpty() || argv.get(0).isEmpty() ? null : argv.get(0);
    }

    /** The working directory as an absolute path; {@code /} when unset. */
    public String workingDirectory() {
        return workingDir == null || workingDir.isBlank() ? "/" : ImagePath.normalize(workingDir);
    }

    /** The value of PATH in Env, or {@link #DEFAULT_PATH} when the image sets none. */
    public String path() {
        for (String variable : env) {
            if (variable.startsWith("PATH=")) {
                return variable.substring("PATH=".length());
            }
        }
        return DEFAULT_PATH;
    }

    /**
     * The absolute paths a program name without a slash is looked up at, in PATH order. Relative and empty PATH
     * entries are taken relative to the working directory, like a shell does.
     */
    public List<String> searchPathFor(String name) {
        List<String> candidates = new ArrayList<>();
        for (String dir : Arrays.asList(path().split(":", -1))) {
            String candidate = ImagePath.resolve(workingDirectory(), (dir.isEmpty() ? "." : dir) + "/" + name);
            if (!candidates.contains(candidate)) {
                candidates.add(candidate);
            }
        }
        return candidates;
    }
}
