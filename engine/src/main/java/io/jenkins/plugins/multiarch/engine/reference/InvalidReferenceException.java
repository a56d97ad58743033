package io.jenkins.plugins.multiarch.engine.reference;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;

/** An image reference or digest that does not follow the Docker reference grammar. */
public final class InvalidReferenceException extends InvalidInputException {
    public InvalidReferenceException(String message) {
        super(message);
    }
}
