package io.jenkins.plugins.multiarch.engine.verify;

import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import java.util.List;

/**
 * What the checks found for one platform of a verified image.
 *
 * @param platform the index entry's platform, or for a single image the one its config says; {@code null} when a
 *                 single image could not be read far enough to tell
 * @param digest   the platform's manifest digest
 */
public record PlatformVerification(Platform platform, Digest digest, List<CheckResult> checks) {

    public PlatformVerification {
        checks = List.copyOf(checks);
    }

    public boolean failed() {
        return checks.stream().anyMatch(CheckResult::failed);
    }

    /** The result of the named check, if it ran. */
    public CheckResult result(String check) {
        return checks.stream().filter(c -> c.check().equals(check)).findFirst().orElse(null);
    }
}
