package io.jenkins.plugins.multiarch.engine.reference;

/** An image reference or digest that does not follow the Docker reference grammar. */
public final class InvalidReferenceException extends IllegalArgumentException {
    public InvalidReferenceException(String message) {
        super(message);
    }
}
