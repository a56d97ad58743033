package io.jenkins.plugins.multiarch.engine.imagebuild.tool;

import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one builder invocation needs to build and push the image of one platform. Made by
 * {@link BuildRequest#platformBuilds()}; holds no secret.
 *
 * @param platform         the platform this image is for
 * @param target           the reference the finished multi-arch image will have, e.g. {@code reg/app:1.0}
 * @param pushReference    where the builder pushes: the target repository with the per-platform tag, or, when
 *                         {@code temporaryTag}, with a unique throw-away tag for tools that cannot push without one
 *                         (docker, kaniko); builders that push by digest alone (buildx, and buildah and podman
 *                         through an OCI layout) ignore that tag
 * @param temporaryTag     true when the push is by digest and the tag of {@code pushReference} is only a handle
 * @param localName        the image's name in a builder's local store (buildah, podman), unique per build run
 * @param contextDir       the build context, as the command runner's machine sees it
 * @param dockerfile       the Dockerfile or Containerfile; empty means the builder's default in the context
 * @param buildArgs        the platform's arguments ({@link PlatformBuildArgs}) followed by the user's
 * @param targetStage      the stage to build, if not the last
 * @param labels           labels to set on the image
 * @param insecureRegistry talk to the registry (pushes and, where the builder allows, base-image pulls) over plain
 *                         HTTP or without verifying TLS, where the builder can be told so
 */
public record PlatformBuild(
        Platform platform,
        ImageReference target,
        ImageReference pushReference,
        boolean temporaryTag,
        String localName,
        Path contextDir,
        Optional<Path> dockerfile,
        Map<String, String> buildArgs,
        Optional<String> targetStage,
        Map<String, String> labels,
        boolean insecureRegistry) {

    public PlatformBuild {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(pushReference, "pushReference");
        Objects.requireNonNull(localName, "localName");
        Objects.requireNonNull(contextDir, "contextDir");
        Objects.requireNonNull(dockerfile, "dockerfile");
        Objects.requireNonNull(targetStage, "targetStage");
        if (pushReference.tag().isEmpty()) {
            throw new IllegalArgumentException("pushReference " + pushReference + " has no tag");
        }
        // Insertion order is the order of --build-arg and --label flags; keep it.
        buildArgs = Collections.unmodifiableMap(new LinkedHashMap<>(buildArgs));
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** True when the image goes into the repository by digest, with no tag meant to last. */
    public boolean byDigest() {
        return temporaryTag;
    }

    /** The per-platform tag the image is to keep; empty when it goes in by digest. */
    public Optional<String> lastingTag() {
        return temporaryTag ? Optional.empty() : pushReference.tag();
    }

    /** The platform as a tag- and file-name-safe word, e.g. {@code linux-arm-v7}. */
    public String platformSlug() {
        return platform.toString().replace('/', '-');
    }
}
