package io.jenkins.plugins.multiarch.engine.oci;

import java.util.List;

/**
 * The parts of an image config (OCI image config or Docker container config) that decide where it runs and what
 * it runs. Fields may be null where the config leaves them out.
 */
public record ImageConfig(String os, String architecture, String variant, String osVersion,
                          List<String> entrypoint, List<String> cmd, List<String> env, String workingDir) {

    public ImageConfig {
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        cmd = cmd == null ? null : List.copyOf(cmd);
        env = env == null ? List.of() : List.copyOf(env);
    }

    /** os/architecture[/variant] as the config literally says it, for messages. */
    public String platformText() {
        return os + "/" + architecture + (variant == null || variant.isEmpty() ? "" : "/" + variant);
    }
}
