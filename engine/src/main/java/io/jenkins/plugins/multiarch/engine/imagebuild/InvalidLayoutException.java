package io.jenkins.plugins.multiarch.engine.imagebuild;

import java.io.IOException;

/** An OCI image layout directory that is missing, incomplete or holds something other than one image. */
public final class InvalidLayoutException extends IOException {
    public InvalidLayoutException(String message) {
        super(message);
    }

    public InvalidLayoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
