package io.jenkins.plugins.multiarch.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * What one {@code multiArchBuild} recorded on its run: which image, which platform, the digest pushed, where and with
 * what it was built, and when. Kept in {@code build.xml} (a plain class for XStream, not a record); no secret.
 */
public final class PlatformBuildRecord implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String image;
    private final String platform;
    private final String digest;
    private final String agent;
    private final String builder;
    private final long startTimeMillis;
    private final long durationMillis;

    /**
     * @param image    the repository, with its registry: {@code registry.example.com/team/app}
     * @param platform {@code linux/arm64}
     * @param digest   the image manifest's digest, {@code sha256:...}
     * @param agent    the name of the agent that built it ({@code built-in} for the controller)
     * @param builder  {@code buildah}, {@code podman}, ...
     */
    public PlatformBuildRecord(String image, String platform, String digest, String agent, String builder,
                               long startTimeMillis, long durationMillis) {
        this.image = Objects.requireNonNull(image, "image");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.digest = Objects.requireNonNull(digest, "digest");
        this.agent = Objects.requireNonNull(agent, "agent");
        this.builder = Objects.requireNonNull(builder, "builder");
        this.startTimeMillis = startTimeMillis;
        this.durationMillis = durationMillis;
    }

    public String getImage() {
        return image;
    }

    public String getPlatform() {
        return platform;
    }

    public String getDigest() {
        return digest;
    }

    /** The image by digest: {@code registry.example.com/team/app@sha256:...}. */
    public String getReference() {
        return image + "@" + digest;
    }

    public String getAgent() {
        return agent;
    }

    public String getBuilder() {
        return builder;
    }

    /** When the step started, in milliseconds since the epoch. */
    public long getStartTimeMillis() {
        return startTimeMillis;
    }

    public long getDurationMillis() {
        return durationMillis;
    }

    /** {@code 42 s}, {@code 3 min 5 s}: for the build page. */
    public String getDurationText() {
        long seconds = Math.round(durationMillis / 1000.0);
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlatformBuildRecord other && image.equals(other.image) && platform.equals(other.platform)
                && digest.equals(other.digest) && agent.equals(other.agent) && builder.equals(other.builder)
                && startTimeMillis == other.startTimeMillis && durationMillis == other.durationMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(image, platform, digest, agent, builder, startTimeMillis, durationMillis);
    }

    @Override
    public String toString() {
        return platform + " " + getReference() + " on " + agent + " with " + builder;
    }
}
