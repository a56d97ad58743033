package io.jenkins.plugins.multiarch.testkit;

/** How a test layer blob is compressed, with the media type a registry would label it with. */
public enum LayerCompression {
    NONE("application/vnd.oci.image.layer.v1.tar"),
    GZIP("application/vnd.oci.image.layer.v1.tar+gzip"),
    ZSTD("application/vnd.oci.image.layer.v1.tar+zstd");

    private final String mediaType;

    LayerCompression(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The OCI layer media type for this compression. */
    public String mediaType() {
        return mediaType;
    }
}
