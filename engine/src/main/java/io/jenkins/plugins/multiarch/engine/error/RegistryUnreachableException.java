package io.jenkins.plugins.multiarch.engine.error;

/**
 * No usable answer came: the connection was refused or reset, the name did not resolve, or a timeout passed. Worth
 * retrying, except for TLS trust failures, which the same request cannot fix.
 */
public final class RegistryUnreachableException extends RegistryException {

    private static final long serialVersionUID = 1L;

    private RegistryUnreachableException(Builder<?> builder) {
        super(builder);
    }

    public static RegistryUnreachableException of(String registry, String message, boolean retryable, Throwable cause) {
        return new RegistryUnreachableException(builder(registry, message).retryable(retryable).cause(cause));
    }
}
