package io.jenkins.plugins.multiarch.engine.image;

import io.jenkins.plugins.multiarch.engine.oci.MediaTypes;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import java.util.List;
import java.util.Map;

/** What a reference points at: an index with its platforms, or a single image with the platform its config says. */
public final class InspectResult implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final ImageReference reference;
    private final Digest digest;
    private final String mediaType;
    private final long size;
    private final List<Entry> platforms;
    private final Map<String, String> annotations;

    public InspectResult(ImageReference reference, Digest digest, String mediaType, long size, List<Entry> platforms, Map<String, String> annotations) {
        platforms = List.copyOf(platforms);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        this.reference = reference;
        this.digest = digest;
        this.mediaType = mediaType;
        this.size = size;
        this.platforms = platforms;
        this.annotations = annotations;
    }

    /** What was inspected. */
    public ImageReference reference() {
        return reference;
    }

    /** The digest of what the reference names (the index, or the single manifest). */
    public Digest digest() {
        return digest;
    }

    /** Its media type. */
    public String mediaType() {
        return mediaType;
    }

    /** Its size in bytes. */
    public long size() {
        return size;
    }

    /** Each platform's image. */
    public List<Entry> platforms() {
        return platforms;
    }

    /** The index's annotations. */
    public Map<String, String> annotations() {
        return annotations;
    }

public boolean isIndex() {
    return MediaTypes.isIndex(mediaType);
}

    @Override
    public boolean equals(Object o) {
        return o instanceof InspectResult other && java.util.Objects.equals(reference, other.reference) && java.util.Objects.equals(digest, other.digest) && java.util.Objects.equals(mediaType, other.mediaType) && java.util.Objects.equals(size, other.size) && java.util.Objects.equals(platforms, other.platforms) && java.util.Objects.equals(annotations, other.annotations);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(reference, digest, mediaType, size, platforms, annotations);
    }

    @Override
    public String toString() {
        return "InspectResult[reference=" + reference + ", digest=" + digest + ", mediaType=" + mediaType + ", size=" + size + ", platforms=" + platforms + ", annotations=" + annotations + "]";
    }

    /** One platform's image. */
    public static final class Entry implements java.io.Serializable {

        private static final long serialVersionUID = 1L;

        private final Platform platform;
        private final Digest digest;
        private final String mediaType;
        private final long manifestSize;
        private final long imageSize;
        private final String attestationOf;
        private final List<io.jenkins.plugins.multiarch.engine.oci.Referrer> referrers;

        public Entry(Platform platform, Digest digest, String mediaType, long manifestSize, long imageSize) {
            this(platform, digest, mediaType, manifestSize, imageSize, null);
        }

        /** @param attestationOf for an attestation manifest's entry, the digest of the image it is about */
        public Entry(Platform platform, Digest digest, String mediaType, long manifestSize, long imageSize,
                     String attestationOf) {
            this(platform, digest, mediaType, manifestSize, imageSize, attestationOf, List.of());
        }

        /** @param referrers the OCI 1.1 referrers of this manifest (signatures, SBOMs) in the repository */
        public Entry(Platform platform, Digest digest, String mediaType, long manifestSize, long imageSize,
                     String attestationOf, List<io.jenkins.plugins.multiarch.engine.oci.Referrer> referrers) {
            this.referrers = List.copyOf(referrers);
            this.attestationOf = attestationOf;
            this.platform = platform;
            this.digest = digest;
            this.mediaType = mediaType;
            this.manifestSize = manifestSize;
            this.imageSize = imageSize;
        }

        /** The index entry's platform; null for an entry without one. */
        public Platform platform() {
            return platform;
        }

        /** For an attestation manifest (buildx provenance, SBOM): the digest of the image it is about. */
        public java.util.Optional<String> attestationOf() {
            return java.util.Optional.ofNullable(attestationOf);
        }

        /** The referrers of this manifest in the repository (through the API or the fallback tag). */
        public List<io.jenkins.plugins.multiarch.engine.oci.Referrer> referrers() {
            return referrers;
        }

        /** The manifest's digest. */
        public Digest digest() {
            return digest;
        }

        /** The manifest's media type. */
        public String mediaType() {
            return mediaType;
        }

        /** The manifest's size. */
        public long manifestSize() {
            return manifestSize;
        }

        /** Config plus layers, compressed; -1 where unknown. */
        public long imageSize() {
            return imageSize;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry other && java.util.Objects.equals(platform, other.platform) && java.util.Objects.equals(digest, other.digest) && java.util.Objects.equals(mediaType, other.mediaType) && java.util.Objects.equals(manifestSize, other.manifestSize) && java.util.Objects.equals(imageSize, other.imageSize) && java.util.Objects.equals(attestationOf, other.attestationOf) && referrers.equals(other.referrers);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(platform, digest, mediaType, manifestSize, imageSize, attestationOf);
        }

        @Override
        public String toString() {
            return "Entry[platform=" + platform + ", digest=" + digest + ", mediaType=" + mediaType + ", manifestSize=" + manifestSize + ", imageSize=" + imageSize + "]";
        }
    }
}
