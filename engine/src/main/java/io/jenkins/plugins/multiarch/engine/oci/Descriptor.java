package io.jenkins.plugins.multiarch.engine.oci;

import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import java.util.Map;
import java.util.Objects;

/** An OCI content descriptor: what a manifest or index says about a piece of content it points to. */
public record Descriptor(String mediaType, Digest digest, long size, Platform platform, Map<String, String> annotations) {

    public Descriptor {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(digest, "digest");
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    public Descriptor(String mediaType, Digest digest, long size) {
        this(mediaType, digest, size, null, Map.of());
    }

    public Descriptor withPlatform(Platform newPlatform) {
        return new Descriptor(mediaType, digest, size, newPlatform, annotations);
    }
}
