package io.jenkins.plugins.multiarch.engine.registry.auth;

import java.util.Optional;

/** Finds the credentials for a registry host ({@code host[:port]}, {@code docker.io} for Docker Hub). */
@FunctionalInterface
public interface CredentialProvider {

    Optional<Credentials> find(String registry);

    static CredentialProvider none() {
        return registry -> Optional.empty();
    }

    /** These credentials for this one registry, nothing for others. */
    static CredentialProvider fixed(String registry, Credentials credentials) {
        return host -> host.equals(registry) ? Optional.of(credentials) : Optional.empty();
    }

    /** This provider's answer, or the other's where this has none. */
    default CredentialProvider orElse(CredentialProvider other) {
        return registry -> find(registry).or(() -> other.find(registry));
    }
}
