package io.jenkins.plugins.multiarch.engine.oci;

import java.util.List;

/** A single-platform image manifest (OCI or Docker v2 schema 2): one config and its layers, bottom first. */
public record ImageManifest(String mediaType, Descriptor config, List<Descriptor> layers) implements Manifest {

    public ImageManifest {
        layers = List.copyOf(layers);
    }

    /** The compressed size of the image: config plus layers, as a registry stores it. */
    public long contentSize() {
        return config.size() + layers.stream().mapToLong(Descriptor::size).sum();
    }

    public boolean isDocker() {
        return MediaTypes.DOCKER_MANIFEST.equals(mediaType);
    }
}
