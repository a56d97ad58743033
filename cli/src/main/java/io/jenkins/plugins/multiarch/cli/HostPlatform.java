package io.jenkins.plugins.multiarch.cli;

import io.jenkins.plugins.multiarch.engine.platform.Platform;
import java.util.Locale;
import java.util.Optional;

/**
 * The platform of this machine, which builds run on: it sets BUILDPLATFORM and friends, which buildah, podman and
 * the classic docker builder do not set themselves (a Dockerfile that cross-compiles needs them).
 */
final class HostPlatform {

    private HostPlatform() {
    }

    static Optional<Platform> detect() {
        return of(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /** From Java's os.name and os.arch; only Linux hosts, where the builders run. */
    static Optional<Platform> of(String osName, String osArch) {
        if (osName == null || !osName.toLowerCase(Locale.ROOT).startsWith("linux") || osArch == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Platform.fromUname(osArch));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // an architecture we do not know: leave BUILDPLATFORM unset
        }
    }
}
