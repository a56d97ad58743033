package io.jenkins.plugins.multiarch.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * One row of a published index on the build page: the platform, the image's digest and where it came from, which
 * agent built it with what (when this run built it), and what the checks found. Kept in {@code build.xml}.
 */
public final class PublishedPlatform implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Shown for what is not known, e.g. the agent of an image this run did not build. */
    public static final String UNKNOWN = "-";

    private final String platform;
    private final String digest;
    private final String source;
    private final String agent;
    private final String builder;
    private final String verifiedArchitecture;
    private final String verification;
    private final boolean passed;

    /**
     * @param verifiedArchitecture what the binary check read from the program's ELF header, e.g. {@code aarch64};
     *                             {@link #UNKNOWN} when it did not run or found no program
     * @param verification         the checks' one-line summary, e.g. {@code /hello aarch64 ✓} or {@code config ✓}
     * @param passed               whether no check failed
     */
    public PublishedPlatform(String platform, String digest, String source, String agent, String builder,
                             String verifiedArchitecture, String verification, boolean passed) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.digest = Objects.requireNonNull(digest, "digest");
        this.source = Objects.requireNonNull(source, "source");
        this.agent = Objects.requireNonNull(agent, "agent");
        this.builder = Objects.requireNonNull(builder, "builder");
        this.verifiedArchitecture = Objects.requireNonNull(verifiedArchitecture, "verifiedArchitecture");
        this.verification = Objects.requireNonNull(verification, "verification");
        this.passed = passed;
    }

    public String getPlatform() {
        return platform;
    }

    public String getDigest() {
        return digest;
    }

    /** The reference it was published from, e.g. {@code registry.example.com/team/app@sha256:...}. */
    public String getSource() {
        return source;
    }

    public String getAgent() {
        return agent;
    }

    public String getBuilder() {
        return builder;
    }

    public String getVerifiedArchitecture() {
        return verifiedArchitecture;
    }

    public String getVerification() {
        return verification;
    }

    public boolean isPassed() {
        return passed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublishedPlatform other && platform.equals(other.platform) && digest.equals(other.digest)
                && source.equals(other.source) && agent.equals(other.agent) && builder.equals(other.builder)
                && verifiedArchitecture.equals(other.verifiedArchitecture) && verification.equals(other.verification)
                && passed == other.passed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(platform, digest, source, agent, builder, verifiedArchitecture, verification, passed);
    }

    @Override
    public String toString() {
        return platform + " " + digest + " (" + agent + ", " + verification + ")";
    }
}
