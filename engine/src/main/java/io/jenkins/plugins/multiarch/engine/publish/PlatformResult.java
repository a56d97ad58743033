package io.jenkins.plugins.multiarch.engine.publish;

import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.verify.CheckResult;
import io.jenkins.plugins.multiarch.engine.verify.CheckSummary;
import java.util.List;

/** What went into the index for one platform. */
public final class PlatformResult implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final Platform platform;
    private final ImageReference source;
    private final Digest digest;
    private final String mediaType;
    private final long manifestSize;
    private final long imageSize;
    private final List<CheckResult> checks;
    private final List<Digest> attestations;

    public PlatformResult(Platform platform, ImageReference source, Digest digest, String mediaType, long manifestSize, long imageSize, List<CheckResult> checks) {
        this(platform, source, digest, mediaType, manifestSize, imageSize, checks, List.of());
    }

    /** @param attestations the image's attestation manifests the index carries */
    public PlatformResult(Platform platform, ImageReference source, Digest digest, String mediaType, long manifestSize, long imageSize, List<CheckResult> checks, List<Digest> attestations) {
        this.attestations = List.copyOf(attestations);
        checks = List.copyOf(checks);
        this.platform = platform;
        this.source = source;
        this.digest = digest;
        this.mediaType = mediaType;
        this.manifestSize = manifestSize;
        this.imageSize = imageSize;
        this.checks = checks;
    }

    /** The digests of the image's attestation manifests (buildx provenance, SBOM) that the index carries. */
    public List<Digest> attestations() {
        return attestations;
    }

    /** The platform of the index entry (with the config's os.version). */
    public Platform platform() {
        return platform;
    }

    /** The source the user gave. */
    public ImageReference source() {
        return source;
    }

    /** The image manifest's digest. */
    public Digest digest() {
        return digest;
    }

    /** The image manifest's media type. */
    public String mediaType() {
        return mediaType;
    }

    /** The size of the manifest (what the index descriptor says). */
    public long manifestSize() {
        return manifestSize;
    }

    /** The compressed size of config and layers. */
    public long imageSize() {
        return imageSize;
    }

    /** What each verification found. */
    public List<CheckResult> checks() {
        return checks;
    }

/**
 * One cell for tables: what the binary check found ({@code /hello x86-64 ✓}, {@code not checked: budget}), or
 * {@code config ✓} where only the config was checked.
 */
public String checkSummary() {
    return CheckSummary.of(checks);
}

    @Override
    public boolean equals(Object o) {
        return o instanceof PlatformResult other && java.util.Objects.equals(platform, other.platform) && java.util.Objects.equals(source, other.source) && java.util.Objects.equals(digest, other.digest) && java.util.Objects.equals(mediaType, other.mediaType) && java.util.Objects.equals(manifestSize, other.manifestSize) && java.util.Objects.equals(imageSize, other.imageSize) && java.util.Objects.equals(checks, other.checks) && attestations.equals(other.attestations);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(platform, source, digest, mediaType, manifestSize, imageSize, checks);
    }

    @Override
    public String toString() {
        return "PlatformResult[platform=" + platform + ", source=" + source + ", digest=" + digest + ", mediaType=" + mediaType + ", manifestSize=" + manifestSize + ", imageSize=" + imageSize + ", checks=" + checks + "]";
    }
}
