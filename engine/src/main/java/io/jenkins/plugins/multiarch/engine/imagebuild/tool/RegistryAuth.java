package io.jenkins.plugins.multiarch.engine.imagebuild.tool;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a builder finds registry credentials: a Docker config directory holding {@code config.json}, or none
 * (then the tool uses whatever login it already has).
 */
public record RegistryAuth(Path configDir) {

    public static final String FILE_NAME = "config.json";

    public static RegistryAuth none() {
        return new RegistryAuth(null);
    }

    public static RegistryAuth inDirectory(Path configDir) {
        return new RegistryAuth(java.util.Objects.requireNonNull(configDir, "configDir"));
    }

    /** The directory for {@code DOCKER_CONFIG}. */
    public Optional<Path> directory() {
        return Optional.ofNullable(configDir);
    }

    /** The file for {@code --authfile}. */
    public Optional<Path> file() {
        return directory().map(d -> d.resolve(FILE_NAME));
    }

    /** The environment of a Docker-config tool (docker, buildx, kaniko): DOCKER_CONFIG names our directory, if any. */
    public java.util.Map<String, String> dockerConfigEnvironment() {
        java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
        directory().ifPresent(d -> env.put("DOCKER_CONFIG", d.toString()));
        return env;
    }
}
