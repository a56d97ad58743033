package io.jenkins.plugins.multiarch.engine.reference;

import java.util.Set;

/**
 * Docker Hub's many names, in one table: references say {@code docker.io} (or the legacy {@code index.docker.io}),
 * its API is served at {@code registry-1.docker.io}, and Docker's {@code config.json} keys its login as
 * {@code https://index.docker.io/v1/}.
 */
public final class DockerHub {

    /** The registry as references name it, and as {@link ImageReference#registry()} gives it. */
    public static final String REGISTRY = "docker.io";
    /** The old name, which the Docker CLI still accepts in references. */
    public static final String LEGACY_REGISTRY = "index.docker.io";
    /** The host that serves the registry API. */
    public static final String API_HOST = "registry-1.docker.io";
    /** The key of Docker Hub's login in config.json, which every client accepts for docker.io. */
    public static final String CONFIG_KEY = "https://index.docker.io/v1/";

    private static final Set<String> NAMES = Set.of(REGISTRY, LEGACY_REGISTRY, API_HOST);

    private DockerHub() {
    }

    /** True for any of Docker Hub's host names. */
    public static boolean isDockerHub(String host) {
        return NAMES.contains(host);
    }
}
