package io.jenkins.plugins.multiarch.engine.verify;

import io.jenkins.plugins.multiarch.engine.image.ResolvedImage;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import java.util.Map;

/** One thing an image must pass before it is published for its platform. */
public interface ImageCheck {

    /** A short name for results, e.g. {@code config}. */
    String name();

    /**
     * @param client the registry the image is on, for checks that read more of it (layers)
     */
    CheckResult check(ResolvedImage image, RegistryClient client);

    /** The image config's os/architecture/variant must match the declared platform. */
    static ImageCheck configPlatform() {
        return new ImageCheck() {
            @Override
            public String name() {
                return "config";
            }

            @Override
            public CheckResult check(ResolvedImage image, RegistryClient client) {
                Map<String, String> details = Map.of("configPlatform", image.config().platformText());
                return ConfigPlatformCheck.check(image)
                        .map(problem -> CheckResult.failed(name(), problem, details))
                        .orElseGet(() -> CheckResult.passed(name(), "image config says " + image.config().platformText(),
                                details));
            }
        };
    }
}
