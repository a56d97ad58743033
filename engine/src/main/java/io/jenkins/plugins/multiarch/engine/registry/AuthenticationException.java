package io.jenkins.plugins.multiarch.engine.registry;

/** The registry, or its token service, refused our credentials or demanded some we do not have. */
public final class AuthenticationException extends RegistryException {
    public AuthenticationException(String message, int status) {
        super(message, status);
    }
}
