package io.jenkins.plugins.multiarch.engine.oci;

import java.util.Optional;

/**
 * How buildx lists an image's attestations (provenance, SBOM) in its index: an image manifest entry with platform
 * {@code unknown/unknown} and the annotations {@code vnd.docker.reference.type: attestation-manifest} and
 * {@code vnd.docker.reference.digest: <the image's digest>}. Not a runnable image.
 */
public final class Attestations {

    public static final String REFERENCE_TYPE = "vnd.docker.reference.type";
    public static final String REFERENCE_DIGEST = "vnd.docker.reference.digest";
    public static final String ATTESTATION_MANIFEST = "attestation-manifest";

    private Attestations() {
    }

    /** True for an attestation manifest's entry. */
    public static boolean isAttestation(Descriptor entry) {
        return ATTESTATION_MANIFEST.equals(entry.annotations().get(REFERENCE_TYPE));
    }

    /** The digest of the image an attestation entry is about, as its annotation writes it. */
    public static Optional<String> subjectOf(Descriptor entry) {
        return isAttestation(entry) ? Optional.ofNullable(entry.annotations().get(REFERENCE_DIGEST)) : Optional.empty();
    }
}
