package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import java.util.Objects;
import java.util.Optional;

/** One platform's pushed image. */
public final class PlatformBuildResult implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final Platform platform;
    private final ImageReference pushedReference;
    private final Digest digest;
    private final boolean temporaryTag;

    public PlatformBuildResult(Platform platform, ImageReference pushedReference, Digest digest, boolean temporaryTag) {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(pushedReference, "pushedReference");
        Objects.requireNonNull(digest, "digest");
        this.platform = platform;
        this.pushedReference = pushedReference;
        this.digest = digest;
        this.temporaryTag = temporaryTag;
    }

    /** The platform built. */
    public Platform platform() {
        return platform;
    }

    /** What the builder pushed to: the repository with the per-platform or temporary tag, or the bare repository when the image went in by digest alone. */
    public ImageReference pushedReference() {
        return pushedReference;
    }

    /** The manifest digest the builder reported. */
    public Digest digest() {
        return digest;
    }

    /** True if the tag of {@code pushedReference} exists only because the tool needed one. */
    public boolean temporaryTag() {
        return temporaryTag;
    }

/** The exact image: {@code registry/repository@sha256:...}. */
public ImageReference digestReference() {
    return pushedReference.withDigest(digest);
}

/** The throw-away tag a caller may delete where the registry allows deleting tags. */
public Optional<String> temporaryTagName() {
    return temporaryTag ? pushedReference.tag() : Optional.empty();
}

    @Override
    public boolean equals(Object o) {
        return o instanceof PlatformBuildResult other && java.util.Objects.equals(platform, other.platform) && java.util.Objects.equals(pushedReference, other.pushedReference) && java.util.Objects.equals(digest, other.digest) && java.util.Objects.equals(temporaryTag, other.temporaryTag);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(platform, pushedReference, digest, temporaryTag);
    }

    @Override
    public String toString() {
        return "PlatformBuildResult[platform=" + platform + ", pushedReference=" + pushedReference + ", digest=" + digest + ", temporaryTag=" + temporaryTag + "]";
    }
}
