package io.jenkins.plugins.multiarch.engine.verify;

import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import java.util.List;

/** What the checks found for one platform of a verified image. */
public final class PlatformVerification implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final Platform platform;
    private final Digest digest;
    private final List<CheckResult> checks;

    public PlatformVerification(Platform platform, Digest digest, List<CheckResult> checks) {
        checks = List.copyOf(checks);
        this.platform = platform;
        this.digest = digest;
        this.checks = checks;
    }

    /** The index entry's platform, or for a single image the one its config says; null when a single image could not be read far enough to tell. */
    public Platform platform() {
        return platform;
    }

    /** The platform's manifest digest. */
    public Digest digest() {
        return digest;
    }

    /** What each check found, in order. */
    public List<CheckResult> checks() {
        return checks;
    }

public boolean failed() {
    return checks.stream().anyMatch(CheckResult::failed);
}

/** The result of the named check, if it ran; null otherwise. */
public CheckResult result(String check) {
    return checks.stream().filter(c -> c.check().equals(check)).findFirst().orElse(null);
}

    @Override
    public boolean equals(Object o) {
        return o instanceof PlatformVerification other && java.util.Objects.equals(platform, other.platform) && java.util.Objects.equals(digest, other.digest) && java.util.Objects.equals(checks, other.checks);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(platform, digest, checks);
    }

    @Override
    public String toString() {
        return "PlatformVerification[platform=" + platform + ", digest=" + digest + ", checks=" + checks + "]";
    }
}
