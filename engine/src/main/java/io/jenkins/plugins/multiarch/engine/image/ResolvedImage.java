package io.jenkins.plugins.multiarch.engine.image;

import java.util.List;

import io.jenkins.plugins.multiarch.engine.oci.ImageConfig;
import io.jenkins.plugins.multiarch.engine.oci.ImageManifest;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.ManifestResponse;

/**
 * One platform's image, resolved from its source reference to a single-platform manifest and its config:
 * what every check looks at before anything is published.
 *
 * @param declared the platform the user says this image is for
 * @param source   the reference the user gave
 * @param manifest the manifest as served (exact bytes and digest)
 * @param attestations the image's attestation manifests in its source index (buildx provenance and SBOM), if asked for
 */
public record ResolvedImage(Platform declared, ImageReference source, ManifestResponse manifest,
                            ImageManifest image, ImageConfig config, List<Attestation> attestations) {

    public ResolvedImage {
        attestations = attestations == null ? List.of() : List.copyOf(attestations);
    }

    /** Without attestations. */
    public ResolvedImage(Platform declared, ImageReference source, ManifestResponse manifest, ImageManifest image,
                         ImageConfig config) {
        this(declared, source, manifest, image, config, List.of());
    }
}
