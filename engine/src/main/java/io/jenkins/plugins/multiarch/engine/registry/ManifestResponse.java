package io.jenkins.plugins.multiarch.engine.registry;

import io.jenkins.plugins.multiarch.engine.oci.Descriptor;
import io.jenkins.plugins.multiarch.engine.oci.Manifest;
import io.jenkins.plugins.multiarch.engine.oci.ManifestCodec;
import io.jenkins.plugins.multiarch.engine.reference.Digest;

/** A manifest as the registry served it: its exact bytes, their digest and media type. */
public record ManifestResponse(Digest digest, String mediaType, byte[] bytes) {

    public Manifest parse() {
        return ManifestCodec.parse(bytes, mediaType);
    }

    public Descriptor descriptor() {
        return new Descriptor(mediaType, digest, bytes.length);
    }
}
