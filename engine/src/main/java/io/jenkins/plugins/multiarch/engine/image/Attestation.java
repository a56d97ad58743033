package io.jenkins.plugins.multiarch.engine.image;

import io.jenkins.plugins.multiarch.engine.oci.Descriptor;
import io.jenkins.plugins.multiarch.engine.oci.ImageManifest;
import io.jenkins.plugins.multiarch.engine.registry.ManifestResponse;

/**
 * An attestation manifest of a resolved image, found next to it in its source index: the entry exactly as the index
 * lists it (platform {@code unknown/unknown} and its annotations), and the manifest, whose config and layers are
 * what must be in any repository the index is published to.
 */
public record Attestation(Descriptor entry, ManifestResponse manifest, ImageManifest image) {
}
