package io.jenkins.plugins.multiarch.engine.verify;

import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.RegistrySettings;
import java.io.Serializable;
import java.util.Objects;

/**
 * What to verify: an image already in a registry (every platform of an index, or a single image against the
 * platform its config says), with these checks.
 *
 * @param registries how its registry is reached
 */
public record VerifyRequest(ImageReference reference, CheckPolicy checks, RegistrySettings registries)
        implements Serializable {

    public VerifyRequest {
        Objects.requireNonNull(reference, "reference");
        checks = checks == null ? CheckPolicy.standard() : checks;
        registries = registries == null ? RegistrySettings.DEFAULT : registries;
    }

    public static VerifyRequest of(ImageReference reference) {
        return new VerifyRequest(reference, CheckPolicy.standard(), RegistrySettings.DEFAULT);
    }
}
