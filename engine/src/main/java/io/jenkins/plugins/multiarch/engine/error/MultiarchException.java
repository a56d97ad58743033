package io.jenkins.plugins.multiarch.engine.error;

/**
 * Anything the engine reports as failed. Unchecked, like the exceptions of the JDK's HTTP and NIO APIs it wraps, so
 * that parallel work can carry it through futures unchanged. The message is for a person and never holds a secret.
 */
public class MultiarchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MultiarchException(String message) {
        super(message);
    }

    public MultiarchException(String message, Throwable cause) {
        super(message, cause);
    }
}
