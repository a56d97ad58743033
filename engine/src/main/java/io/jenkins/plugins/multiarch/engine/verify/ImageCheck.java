package io.jenkins.plugins.multiarch.engine.verify;

import io.jenkins.plugins.multiarch.engine.image.ResolvedImage;
import io.jenkins.plugins.multiarch.engine.oci.Descriptor;
import io.jenkins.plugins.multiarch.engine.oci.ImageManifest;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.registry.BlobPrefetch;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import java.util.Map;
import java.util.Optional;

/** One thing an image must pass before it is published for its platform. */
public interface ImageCheck {

    /** A short name for results, e.g. {@code config}. */
    String name();

    /**
     * @param client   the registry the image is on, for checks that read more of it (layers)
     * @param prefetch blobs opened ahead of need; a check opens the layers it reads through it
     */
    CheckResult check(ResolvedImage image, RegistryClient client, BlobPrefetch prefetch);

    /** As {@link #check(ResolvedImage, RegistryClient, BlobPrefetch)}, each layer opened when it is read. */
    default CheckResult check(ResolvedImage image, RegistryClient client) {
        return check(image, client, BlobPrefetch.none());
    }

    /**
     * The layer this check reads first for an image for {@code declared}, if the manifest alone tells (before the
     * config is read), so that it can be opened ahead; empty for a check that reads no layers.
     */
    default Optional<Descriptor> firstLayerRead(Platform declared, ImageManifest image) {
        return Optional.empty();
    }

    /** The image config's os/architecture/variant must match the declared platform. */
    static ImageCheck configPlatform() {
        return new ImageCheck() {
            @Override
            public String name() {
                return "config";
            }

            @Override
            public CheckResult check(ResolvedImage image, RegistryClient client, BlobPrefetch prefetch) {
                Map<String, String> details = Map.of("configPlatform", image.config().platformText());
                return ConfigPlatformCheck.check(image)
                        .map(problem -> CheckResult.failed(name(), problem, details))
                        .orElseGet(() -> CheckResult.passed(name(), "image config says " + image.config().platformText(),
                                details));
            }
        };
    }
}
