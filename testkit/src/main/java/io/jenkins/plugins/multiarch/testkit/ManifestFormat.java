package io.jenkins.plugins.multiarch.testkit;

/** The manifest flavour a fixture image (or index) is pushed as. */
public enum ManifestFormat {

    OCI("oci", "oci", "application/vnd.oci.image.manifest.v1+json", "application/vnd.oci.image.index.v1+json"),
    /** Docker image manifest v2 schema 2, and the Docker manifest list for indexes. */
    DOCKER("docker", "v2s2", "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.distribution.manifest.list.v2+json");

    private final String commitFormat;
    private final String pushFormat;
    private final String manifestMediaType;
    private final String indexMediaType;

    ManifestFormat(String commitFormat, String pushFormat, String manifestMediaType, String indexMediaType) {
        this.commitFormat = commitFormat;
        this.pushFormat = pushFormat;
        this.manifestMediaType = manifestMediaType;
        this.indexMediaType = indexMediaType;
    }

    /** The value of {@code buildah commit --format}. */
    String commitFormat() {
        return commitFormat;
    }

    /** The value of {@code buildah push --format} and {@code buildah manifest push --format}. */
    String pushFormat() {
        return pushFormat;
    }

    /** The media type of a single-platform manifest in this format. */
    public String manifestMediaType() {
        return manifestMediaType;
    }

    /** The media type of an index (manifest list) in this format. */
    public String indexMediaType() {
        return indexMediaType;
    }
}
