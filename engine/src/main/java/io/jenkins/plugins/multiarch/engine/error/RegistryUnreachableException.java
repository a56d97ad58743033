package io.jenkins.plugins.multiarch.engine.error;

/**
 * No usable answer came: the connection was refused or reset, the name did not resolve, or a timeout passed. Worth
 * retrying, except for TLS trust failures, which the same request cannot fix.
 */
public final class RegistryUnreachableException extends RegistryException {

    private static final long serialVersionUID = 1L;

    private final boolean certificateNotTrusted;

    private RegistryUnreachableException(Builder<?> builder, boolean certificateNotTrusted) {
        super(builder);
        this.certificateNotTrusted = certificateNotTrusted;
    }

    public static RegistryUnreachableException of(String registry, String message, boolean retryable, Throwable cause) {
        return new RegistryUnreachableException(builder(registry, message).retryable(retryable).cause(cause), false);
    }

    /** The registry's TLS certificate is not trusted (unknown CA, or not for this host name): never retried. */
    public static RegistryUnreachableException certificateNotTrusted(String registry, String message, Throwable cause) {
        return new RegistryUnreachableException(builder(registry, message).retryable(false).cause(cause), true);
    }

    /** True when the TLS certificate was refused: a front end says how to trust the registry's CA. */
    public boolean certificateNotTrusted() {
        return certificateNotTrusted;
    }
}
