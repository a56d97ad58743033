package io.jenkins.plugins.multiarch.engine.imagebuild;

/** A build request, tag template or build argument that cannot work; the message says what would. */
public final class InvalidBuildRequestException extends IllegalArgumentException {
    public InvalidBuildRequestException(String message) {
        super(message);
    }
}
