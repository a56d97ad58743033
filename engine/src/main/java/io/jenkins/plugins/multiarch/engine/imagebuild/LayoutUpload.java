package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.util.Sizes;

import java.util.List;
import java.util.Objects;

/**
 * What {@link OciLayoutUploader} put into a repository.
 *
 * @param digest        the manifest's digest: the image, by digest
 * @param mediaType     the manifest's media type, as the layout's index gave it
 * @param tags          tags the manifest was also put under (none for a by-digest upload)
 * @param blobsUploaded config and layer blobs sent
 * @param blobsPresent  blobs the repository had already, so not sent again
 * @param bytesUploaded the size of the blobs sent
 */
public record LayoutUpload(Digest digest, String mediaType, List<String> tags, int blobsUploaded, int blobsPresent,
                           long bytesUploaded) {

    public LayoutUpload {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(mediaType, "mediaType");
        tags = List.copyOf(tags);
    }

    /** E.g. {@code 2 blobs uploaded (1.2 MiB), 1 already there}. */
    public String summary() {
        return blobsUploaded + (blobsUploaded == 1 ? " blob" : " blobs") + " uploaded (" + Sizes.human(bytesUploaded)
                + "), " + blobsPresent + " already there";
    }
}
