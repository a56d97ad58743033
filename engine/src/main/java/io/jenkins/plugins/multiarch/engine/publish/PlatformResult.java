package io.jenkins.plugins.multiarch.engine.publish;

import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;

/**
 * What went into the index for one platform.
 *
 * @param manifestSize the size of the manifest (what the index descriptor says)
 * @param imageSize    the compressed size of config and layers
 */
public record PlatformResult(Platform platform, ImageReference source, Digest digest, String mediaType,
                             long manifestSize, long imageSize) {
}
