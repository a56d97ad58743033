package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;

import java.util.Objects;
import java.util.Optional;

/**
 * One platform's pushed image.
 *
 * @param platform        the platform built
 * @param pushedReference what the builder pushed to: the repository with the per-platform or temporary tag, or
 *                        the bare repository when the builder pushed by digest alone (buildx)
 * @param digest          the manifest digest the builder reported
 * @param temporaryTag    true if the tag of {@code pushedReference} exists only because the tool needed one
 */
public record PlatformBuildResult(Platform platform, ImageReference pushedReference, Digest digest, boolean temporaryTag) {

    public PlatformBuildResult {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(pushedReference, "pushedReference");
        Objects.requireNonNull(digest, "digest");
    }

    /** The exact image: {@code registry/repository@sha256:...}. */
    public ImageReference digestReference() {
        return pushedReference.withDigest(digest);
    }

    /** The throw-away tag a caller may delete where the registry allows deleting tags. */
    public Optional<String> temporaryTagName() {
        return temporaryTag ? pushedReference.tag() : Optional.empty();
    }
}
