package io.jenkins.plugins.multiarch.engine.verify;

import io.jenkins.plugins.multiarch.engine.platform.InvalidPlatformException;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.image.ResolvedImage;
import java.util.Optional;

/**
 * Checks that an image's config says the platform it is published for. A config that says amd64 under an arm64
 * entry is what makes arm64 hosts pull it and die with {@code exec format error}.
 */
final class ConfigPlatformCheck {

    private ConfigPlatformCheck() {
    }

    /** The problem, or empty when the config matches the declared platform. */
    public static Optional<String> check(ResolvedImage image) {
        Platform declared = image.declared();
        String configText = image.config().platformText();
        String prefix = declared + " source " + image.source() + " (" + image.manifest().digest().shortForm() + ")";
        if (image.config().os() == null || image.config().architecture() == null) {
            return Optional.of(prefix + " has no os/architecture in its image config; rebuild it with a builder that"
                    + " records the platform");
        }
        Platform actual;
        try {
            actual = Platform.parse(configText);
        } catch (InvalidPlatformException e) {
            return Optional.of(prefix + " is " + configText + ", not a platform we know; it cannot serve " + declared);
        }
        if ((image.config().variant() == null || image.config().variant().isEmpty())
                && actual.architecture().equalsIgnoreCase(image.config().architecture())) {
            // parse() fills in a default variant (arm means arm/v7), but the config left it open, and isSatisfiedBy
            // accepts a config without a variant for every variant of its architecture. (armhf and armel do name one.)
            actual = new Platform(actual.os(), actual.architecture(), null);
        }
        if (declared.isSatisfiedBy(actual)) {
            return Optional.empty();
        }
        if (!declared.os().equals(actual.os())) {
            return Optional.of(prefix + " is " + configText + ": publishing it would give " + declared.os()
                    + " hosts an image for " + actual.os());
        }
        if (!declared.architecture().equals(actual.architecture())) {
            return Optional.of(prefix + " is " + configText + ": publishing it would make " + hostName(declared)
                    + " hosts fail with 'exec format error'");
        }
        return Optional.of(prefix + " is " + configText + ": publishing it as " + declared + " would give "
                + hostName(declared) + " hosts code built for " + actual.variant()
                + " (expect 'illegal instruction' or 'exec format error')");
    }

    private static String hostName(Platform platform) {
        return platform.architecture() + (platform.variant() == null ? "" : "/" + platform.variant());
    }
}
