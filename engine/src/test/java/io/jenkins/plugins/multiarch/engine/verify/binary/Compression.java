package io.jenkins.plugins.multiarch.engine.verify.binary;

/** How a test layer blob is compressed, with the media type a registry would label it with. */
enum Compression {
    NONE("application/vnd.oci.image.layer.v1.tar"),
    GZIP("application/vnd.oci.image.layer.v1.tar+gzip"),
    ZSTD("application/vnd.oci.image.layer.v1.tar+zstd");

    final String mediaType;

    Compression(String mediaType) {
        this.mediaType = mediaType;
    }
}
