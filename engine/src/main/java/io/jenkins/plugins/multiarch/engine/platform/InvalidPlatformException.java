package io.jenkins.plugins.multiarch.engine.platform;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;

/** A platform string that is malformed or names an OS, architecture or variant we do not know. */
public final class InvalidPlatformException extends InvalidInputException {
    public InvalidPlatformException(String message) {
        super(message);
    }
}
