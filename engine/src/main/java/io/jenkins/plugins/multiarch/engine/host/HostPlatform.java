package io.jenkins.plugins.multiarch.engine.host;

import io.jenkins.plugins.multiarch.engine.platform.InvalidPlatformException;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import java.util.Locale;
import java.util.Optional;

/**
 * The platform of the machine builds run on: it sets BUILDPLATFORM and friends, which buildah, podman and the
 * classic docker builder do not set themselves (a Dockerfile that cross-compiles needs them). Read from the JVM's
 * {@code os.name} and {@code os.arch}, so on a Jenkins agent, code running in the agent's JVM gets the agent's.
 */
public final class HostPlatform {

    private HostPlatform() {
    }

    /** This JVM's machine. */
    public static Optional<Platform> ofThisJvm() {
        return of(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /** From Java's os.name and os.arch; only Linux hosts, where the builders run. */
    public static Optional<Platform> of(String osName, String osArch) {
        if (osName == null || !osName.toLowerCase(Locale.ROOT).startsWith("linux") || osArch == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Platform.fromUname(osArch));
        } catch (InvalidPlatformException e) {
            return Optional.empty(); // an architecture we do not know: leave BUILDPLATFORM unset
        }
    }
}
