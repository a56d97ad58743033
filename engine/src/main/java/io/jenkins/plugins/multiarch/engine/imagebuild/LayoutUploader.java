package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.imagebuild.tool.PlatformBuild;
import io.jenkins.plugins.multiarch.engine.reference.Digest;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Puts the image a builder wrote to an OCI image layout into the build's target repository: by digest, or under
 * the build's per-platform tag ({@link PlatformBuild#lastingTag()}). {@link PlatformBuildRunner} calls it for builders
 * whose plan ends in a layout (buildah, podman). {@link OciLayoutUploader} does it with one registry client; the
 * Jenkins plugin runs that on the agent where the layout is.
 */
@FunctionalInterface
public interface LayoutUploader {

    /**
     * @param layout   the layout directory, on the machine where the builder's commands ran
     * @param reported the manifest digest the builder reported; a layout whose manifest differs is refused before
     *                 anything is written
     * @return what was uploaded; its digest is the image's
     * @throws InterruptedException if interrupted while waiting for the registry; the upload is abandoned
     */
    LayoutUpload upload(PlatformBuild build, Path layout, Digest reported) throws IOException, InterruptedException;

    /** Uploads nothing: for builds whose tool pushes itself. A layout handed to it fails the build, saying so. */
    static LayoutUploader none() {
        return (build, layout, reported) -> {
            throw new InvalidLayoutException(build.platform() + ": no layout uploader was given for the OCI layout "
                    + layout);
        };
    }
}
