package io.jenkins.plugins.multiarch.engine.publish;

import io.jenkins.plugins.multiarch.engine.util.Printable;
import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;

import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import java.util.Objects;

/** One entry of a publish: the platform an image is for, and where that image is now. */
public record PlatformSource(Platform platform, ImageReference reference) implements java.io.Serializable {

    public PlatformSource {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(reference, "reference");
    }

    /** Parses {@code PLATFORM=REFERENCE}, e.g. {@code linux/arm64=registry.example.com/app@sha256:...}. */
    public static PlatformSource parse(String text) {
        int eq = text == null ? -1 : text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new InvalidInputException("invalid source '" + Printable.value(text)
                    + "': expected PLATFORM=REFERENCE, e.g. linux/arm64=registry.example.com/app:1.0-arm64");
        }
        return new PlatformSource(Platform.parse(text.substring(0, eq)), ImageReference.parse(text.substring(eq + 1)));
    }

    @Override
    public String toString() {
        return platform + "=" + reference;
    }
}
