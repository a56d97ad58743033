package io.jenkins.plugins.multiarch.engine.registry;

/**
 * A registry request that failed. The message names the registry, what was asked and what to do; it never holds
 * a credential.
 */
public class RegistryException extends RuntimeException {

    private final int status;

    public RegistryException(String message, int status) {
        super(message);
        this.status = status;
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
    }

    /** The HTTP status, or -1 where no response came (connection failures). */
    public int status() {
        return status;
    }
}
