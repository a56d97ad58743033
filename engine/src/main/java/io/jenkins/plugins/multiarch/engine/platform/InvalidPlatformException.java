package io.jenkins.plugins.multiarch.engine.platform;

/** A platform string that is malformed or names an OS, architecture or variant we do not know. */
public final class InvalidPlatformException extends IllegalArgumentException {
    public InvalidPlatformException(String message) {
        super(message);
    }
}
