package io.jenkins.plugins.multiarch.engine.verify;

import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What {@link ImageVerifier} found for every platform of an image. */
public final class VerifyResult implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final ImageReference reference;
    private final Digest digest;
    private final String mediaType;
    private final List<PlatformVerification> platforms;

    public VerifyResult(ImageReference reference, Digest digest, String mediaType, List<PlatformVerification> platforms) {
        platforms = platforms.stream()
                .sorted(Comparator.comparing(p -> p.platform() == null ? "" : p.platform().toString()))
                .toList();
        this.reference = reference;
        this.digest = digest;
        this.mediaType = mediaType;
        this.platforms = platforms;
    }

    /** What was verified. */
    public ImageReference reference() {
        return reference;
    }

    /** The digest of what the reference names (the index, or the single manifest). */
    public Digest digest() {
        return digest;
    }

    /** Its media type. */
    public String mediaType() {
        return mediaType;
    }

    /** One entry per checked platform, sorted by platform. */
    public List<PlatformVerification> platforms() {
        return platforms;
    }

/** True when no check failed; "not checked" results do not fail an image. */
public boolean passed() {
    return platforms.stream().noneMatch(PlatformVerification::failed);
}

/** The message of every failed check, one per line of output. */
public List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (PlatformVerification platform : platforms) {
        platform.checks().stream().filter(CheckResult::failed).forEach(check -> problems.add(check.message()));
    }
    return problems;
}

/** {@code 1 of 3 platforms failed verification}, or {@code all 3 platforms passed}. */
public String verdict() {
    long failed = platforms.stream().filter(PlatformVerification::failed).count();
    long notChecked = platforms.stream().filter(p -> !p.failed() && p.checks().stream()
            .anyMatch(c -> c.status() == CheckResult.Status.NOT_CHECKED)).count();
    String count = platforms.size() == 1 ? "1 platform" : platforms.size() + " platforms";
    if (failed > 0) {
        return failed + " of " + count + " failed verification";
    }
    if (platforms.isEmpty()) {
        return "no platform images to check";
    }
    String all = platforms.size() == 1 ? "the platform passed" : "all " + count + " passed";
    return notChecked == 0 ? all : all + " (" + notChecked + " not fully checked)";
}

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifyResult other && java.util.Objects.equals(reference, other.reference) && java.util.Objects.equals(digest, other.digest) && java.util.Objects.equals(mediaType, other.mediaType) && java.util.Objects.equals(platforms, other.platforms);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(reference, digest, mediaType, platforms);
    }

    @Override
    public String toString() {
        return "VerifyResult[reference=" + reference + ", digest=" + digest + ", mediaType=" + mediaType + ", platforms=" + platforms + "]";
    }
}
