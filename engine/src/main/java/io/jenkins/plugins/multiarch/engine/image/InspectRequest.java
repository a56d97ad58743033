package io.jenkins.plugins.multiarch.engine.image;

import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.RegistrySettings;
import java.io.Serializable;
import java.util.Objects;

/**
 * What to inspect: an index or image by tag or digest.
 *
 * @param registries how its registry is reached
 */
public record InspectRequest(ImageReference reference, RegistrySettings registries) implements Serializable {

    public InspectRequest {
        Objects.requireNonNull(reference, "reference");
        registries = registries == null ? RegistrySettings.DEFAULT : registries;
    }

    public static InspectRequest of(ImageReference reference) {
        return new InspectRequest(reference, RegistrySettings.DEFAULT);
    }
}
