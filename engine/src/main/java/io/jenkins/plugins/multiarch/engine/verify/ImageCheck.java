package io.jenkins.plugins.multiarch.engine.verify;

import io.jenkins.plugins.multiarch.engine.image.ResolvedImage;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import java.util.Optional;

/** One thing an image must pass before it is published for its platform. */
@FunctionalInterface
public interface ImageCheck {

    /**
     * @param client the registry the image is on, for checks that read more of it (layers)
     * @return the problem, or empty when the image passes
     */
    Optional<String> check(ResolvedImage image, RegistryClient client);

    /** The image config's os/architecture/variant must match the declared platform. */
    static ImageCheck configPlatform() {
        return (image, client) -> ConfigPlatformCheck.check(image);
    }
}
