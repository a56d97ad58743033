package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;

/** A build request, tag template or build argument that cannot work; the message says what would. */
public final class InvalidBuildRequestException extends InvalidInputException {
    public InvalidBuildRequestException(String message) {
        super(message);
    }
}
