package io.jenkins.plugins.multiarch.engine.imagebuild;

import java.util.Objects;

/**
 * A username and password (or token) for one registry host, as {@link
 * io.jenkins.plugins.multiarch.engine.reference.ImageReference#registry()} spells it ({@code docker.io},
 * {@code registry.example.com:5000}). {@link #toString()} never shows the password.
 */
public record RegistryCredentials(String registry, String username, String password) {

    public RegistryCredentials {
        if (registry == null || registry.isBlank()) {
            throw new InvalidBuildRequestException("registry credentials need a registry host, e.g. registry.example.com:5000");
        }
        if (username == null || username.isEmpty()) {
            throw new InvalidBuildRequestException("registry credentials for " + registry + " need a username");
        }
        if (username.contains(":")) {
            // Basic auth joins user and password with ':'; a ':' in the user would shift it into the password.
            throw new InvalidBuildRequestException("the username for " + registry + " contains ':', which basic auth cannot carry");
        }
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "RegistryCredentials[registry=" + registry + ", username=" + username + ", password=****]";
    }
}
