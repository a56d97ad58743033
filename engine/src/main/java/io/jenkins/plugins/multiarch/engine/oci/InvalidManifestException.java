package io.jenkins.plugins.multiarch.engine.oci;

import io.jenkins.plugins.multiarch.engine.error.MultiarchException;

/** Manifest, index or config JSON that does not follow the image spec. */
public final class InvalidManifestException extends MultiarchException {
    public InvalidManifestException(String message) {
        super(message);
    }

    public InvalidManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
