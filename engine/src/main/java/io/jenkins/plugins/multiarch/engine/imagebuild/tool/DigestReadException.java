package io.jenkins.plugins.multiarch.engine.imagebuild.tool;

import java.io.IOException;

/** A builder reported success but its digest could not be found or parsed. */
final class DigestReadException extends IOException {
    public DigestReadException(String message) {
        super(message);
    }

    public DigestReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
