package io.jenkins.plugins.multiarch.engine.imagebuild.tool;

import io.jenkins.plugins.multiarch.engine.process.CommandLines;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One command of a build plan: argv (no shell), extra environment and working directory. Neither argv nor env
 * ever holds a secret; credentials reach the tool through a file that env or argv only names.
 *
 * @param workDir the working directory, or {@code null} for the command runner's default
 */
public record Invocation(StepKind kind, List<String> argv, Map<String, String> env, Path workDir) {

    public Invocation {
        Objects.requireNonNull(kind, "kind");
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty argv");
        }
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    public static Invocation of(StepKind kind, List<String> argv, Map<String, String> env) {
        return new Invocation(kind, argv, env, null);
    }

    /** The program name, e.g. {@code buildah}. */
    public String tool() {
        return argv.get(0);
    }

    /** As a person would type it, with the extra environment first: {@code DOCKER_CONFIG=/tmp/x docker push ...}. */
    public String display() {
        String prefix = env.entrySet().stream()
                .map(e -> CommandLines.display(List.of(e.getKey() + "=" + e.getValue())) + " ")
                .collect(Collectors.joining());
        return prefix + CommandLines.display(argv);
    }
}
