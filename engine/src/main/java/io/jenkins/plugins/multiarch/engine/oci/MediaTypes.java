package io.jenkins.plugins.multiarch.engine.oci;

import java.util.List;

/** The manifest and config media types of the OCI image spec and Docker's image manifest v2, schema 2. */
public final class MediaTypes {
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    public static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";

    /**
     * Every manifest type we read. Always all four: Distribution 2.8 answers a request that accepts only the OCI
     * index type with the amd64 child of a stored Docker list instead of the list.
     */
    public static final List<String> ALL_MANIFESTS = List.of(OCI_INDEX, DOCKER_MANIFEST_LIST, OCI_MANIFEST, DOCKER_MANIFEST);

    private MediaTypes() {
    }

    public static boolean isIndex(String mediaType) {
        return OCI_INDEX.equals(mediaType) || DOCKER_MANIFEST_LIST.equals(mediaType);
    }

    public static boolean isImageManifest(String mediaType) {
        return OCI_MANIFEST.equals(mediaType) || DOCKER_MANIFEST.equals(mediaType);
    }

    /** {@code OCI image index}, {@code Docker manifest}: manifest media types as people call them; others as they are. */
    public static String describe(String mediaType) {
        return switch (mediaType) {
            case OCI_INDEX -> "OCI image index";
            case DOCKER_MANIFEST_LIST -> "Docker manifest list";
            case OCI_MANIFEST -> "OCI manifest";
            case DOCKER_MANIFEST -> "Docker manifest";
            default -> mediaType;
        };
    }
}
