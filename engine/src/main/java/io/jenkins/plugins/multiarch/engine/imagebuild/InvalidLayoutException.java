package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.error.MultiarchException;


/** An OCI image layout directory that is missing, incomplete or holds something other than one image. */
public final class InvalidLayoutException extends MultiarchException {
    public InvalidLayoutException(String message) {
        super(message);
    }

    public InvalidLayoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
