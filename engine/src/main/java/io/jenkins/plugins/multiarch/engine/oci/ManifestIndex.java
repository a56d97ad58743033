package io.jenkins.plugins.multiarch.engine.oci;

import io.jenkins.plugins.multiarch.engine.platform.Platform;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An OCI image index or Docker manifest list: one manifest per platform, plus index annotations. */
public record ManifestIndex(String mediaType, List<Descriptor> manifests, Map<String, String> annotations)
        implements Manifest {

    public ManifestIndex {
        manifests = List.copyOf(manifests);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    /**
     * The child for this platform: an exact match first; else, for a child that leaves the variant out, the one
     * the platform accepts (see {@link Platform#isSatisfiedBy}).
     */
    public Optional<Descriptor> childFor(Platform platform) {
        Optional<Descriptor> exact = manifests.stream().filter(d -> platform.equals(d.platform())).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        return manifests.stream().filter(d -> d.platform() != null && platform.isSatisfiedBy(d.platform())).findFirst();
    }
}
