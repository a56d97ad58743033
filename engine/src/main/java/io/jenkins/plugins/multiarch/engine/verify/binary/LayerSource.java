package io.jenkins.plugins.multiarch.engine.verify.binary;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * One layer blob of an image, opened lazily. The registry-backed implementation lives elsewhere; tests use
 * in-memory blobs.
 *
 * <p>Streams returned by {@link #open()} are often closed long before their end: the checks stop reading a layer as
 * soon as they have what they need. Implementations backed by HTTP should abort rather than drain on close.
 */
public interface LayerSource {

    /** The blob digest, e.g. {@code sha256:…}; used in messages. */
    String digest();

    /**
     * The layer media type as given by the manifest. Informative only: compression is detected from the blob's first
     * bytes, because media types are sometimes wrong.
     */
    String mediaType();

    /** The blob size from the manifest, in bytes; informative. */
    long size();

    /** Opens the (possibly compressed) blob from its first byte. Called at most once per pass over the layer. */
    InputStream open() throws IOException;

    /** Opens a blob; a lambda-friendly stand-in for {@link LayerSource#open()}. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    /** A layer from its manifest fields and a way to open the blob. */
    static LayerSource of(String digest, String mediaType, long size, Opener opener) {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(opener, "opener");
        return new LayerSource() {
            @Override
            public String digest() {
                return digest;
            }

            @Override
            public String mediaType() {
                return mediaType;
            }

            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream open() throws IOException {
                return opener.open();
            }

            @Override
            public String toString() {
                return digest + " (" + mediaType + ", " + size + " bytes)";
            }
        };
    }
}
