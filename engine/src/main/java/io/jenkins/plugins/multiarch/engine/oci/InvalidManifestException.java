package io.jenkins.plugins.multiarch.engine.oci;

/** Manifest, index or config JSON that does not follow the image spec. */
public final class InvalidManifestException extends RuntimeException {
    public InvalidManifestException(String message) {
        super(message);
    }

    public InvalidManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
