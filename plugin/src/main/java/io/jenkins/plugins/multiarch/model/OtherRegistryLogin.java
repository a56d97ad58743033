package io.jenkins.plugins.multiarch.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * Which credentials to log in to one further registry with (a source's or an {@code alsoTo} target's): the
 * registry host as given and a Jenkins credentials ID. Never the secret itself; that is looked up at run time.
 *
 * @param registry      {@code host[:port]}, e.g. {@code ghcr.io} or {@code registry.example.com:5000}
 * @param credentialsId the ID of username/password credentials
 */
public record OtherRegistryLogin(String registry, String credentialsId) implements Serializable {

    public OtherRegistryLogin {
        registry = Texts.trimToNull(registry);
        credentialsId = Texts.trimToNull(credentialsId);
    }

    @Override
    public String toString() {
        return registry + " (" + Objects.toString(credentialsId, "no credentials") + ")";
    }
}
