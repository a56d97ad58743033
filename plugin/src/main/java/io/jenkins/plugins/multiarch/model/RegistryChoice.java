package io.jenkins.plugins.multiarch.model;

import java.io.Serializable;

/**
 * A registry URL and a credentials ID as a step, the environment or the global configuration gives them (docker-commons'
 * {@code DockerRegistryEndpoint} holds the same two); either may be null.
 */
public final class RegistryChoice implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final RegistryChoice NONE = new RegistryChoice(null, null);

    private final String url;
    private final String credentialsId;

    public RegistryChoice(String url, String credentialsId) {
        this.url = Texts.trimToNull(url);
        this.credentialsId = Texts.trimToNull(credentialsId);
    }

    /** {@code https://host[:port]}, or null. */
    public String url() {
        return url;
    }

    /** A username/password credentials ID, or null. */
    public String credentialsId() {
        return credentialsId;
    }
}
