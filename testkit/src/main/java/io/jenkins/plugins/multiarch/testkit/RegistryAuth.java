package io.jenkins.plugins.multiarch.testkit;

import java.nio.file.Path;

/** How a test registry authenticates clients: the config section it needs and anything that runs beside it. */
interface RegistryAuth extends AutoCloseable {

    /** Writes any files the section refers to into {@code workDir} and returns the YAML {@code auth:} section. */
    String configSection(Path workDir);

    /** The one user clients log in as, or {@code null} when the registry is anonymous. */
    RegistryCredentials credentials();

    /** The token issuer, or {@code null} when the registry does not use token auth. */
    TokenIssuer tokenIssuer();

    @Override
    void close();
}
