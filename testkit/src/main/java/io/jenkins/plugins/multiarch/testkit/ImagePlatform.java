package io.jenkins.plugins.multiarch.testkit;

import java.util.Arrays;

/** A fixture image's platform, written {@code os/arch[/variant]} as in {@code linux/arm/v7}. */
record ImagePlatform(String os, String architecture, String variant) {

    static ImagePlatform parse(String platform) {
        String[] parts = platform.split("/", -1);
        if (parts.length < 2 || parts.length > 3 || Arrays.asList(parts).contains("")) {
            throw new IllegalArgumentException("a platform is os/arch[/variant], got \"" + platform + "\"");
        }
        return new ImagePlatform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }
}
