package io.jenkins.plugins.multiarch.model;

import io.jenkins.plugins.multiarch.engine.publish.PlatformResult;
import io.jenkins.plugins.multiarch.engine.publish.PublishResult;
import io.jenkins.plugins.multiarch.engine.verify.BinaryImageCheck;
import io.jenkins.plugins.multiarch.engine.verify.CheckResult;
import io.jenkins.plugins.multiarch.engine.verify.CheckSummary;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What one {@code multiArchPublish} recorded on its run: the index (repository, digest, media type), the tags
 * written and those already pointing at it, and one {@link PublishedPlatform} per image. Kept in {@code build.xml}
 * (plain classes and ArrayLists for XStream); no secret.
 */
public final class PublishRecord implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String image;
    private final String indexDigest;
    private final String mediaType;
    private final ArrayList<String> tagsWritten;
    private final ArrayList<String> tagsUnchanged;
    private final boolean dryRun;
    private final ArrayList<PublishedPlatform> platforms;
    /** Null in records written before alsoTo existed. */
    private final ArrayList<PublishedTarget> alsoTo;

    public PublishRecord(String image, String indexDigest, String mediaType, List<String> tagsWritten,
                         List<String> tagsUnchanged, boolean dryRun, List<PublishedPlatform> platforms) {
        this(image, indexDigest, mediaType, tagsWritten, tagsUnchanged, dryRun, platforms, List.of());
    }

    /** @param alsoTo the further repositories the same index went to, in the order given */
    public PublishRecord(String image, String indexDigest, String mediaType, List<String> tagsWritten,
                         List<String> tagsUnchanged, boolean dryRun, List<PublishedPlatform> platforms,
                         List<PublishedTarget> alsoTo) {
        this.alsoTo = new ArrayList<>(alsoTo);
        this.image = Objects.requireNonNull(image, "image");
        this.indexDigest = Objects.requireNonNull(indexDigest, "indexDigest");
        this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
        this.tagsWritten = new ArrayList<>(tagsWritten);
        this.tagsUnchanged = new ArrayList<>(tagsUnchanged);
        this.dryRun = dryRun;
        this.platforms = new ArrayList<>(platforms);
    }

    /**
     * The record of a publish: each platform's agent and builder from this run's build of that very image (same
     * platform and digest), {@link PublishedPlatform#UNKNOWN} for images it did not build.
     */
    public static PublishRecord of(PublishResult result, List<PlatformBuildRecord> builds) {
        List<PublishedPlatform> rows = new ArrayList<>();
        for (PlatformResult platform : result.platforms()) {
            String name = platform.platform().toString();
            String digest = platform.digest().toString();
            PlatformBuildRecord build = null;
            for (PlatformBuildRecord candidate : builds) {
                if (candidate.getPlatform().equals(name) && candidate.getDigest().equals(digest)) {
                    build = candidate;
                }
            }
            rows.add(new PublishedPlatform(name, digest, platform.source().toString(),
                    build == null ? PublishedPlatform.UNKNOWN : build.getAgent(),
                    build == null ? PublishedPlatform.UNKNOWN : build.getBuilder(),
                    verifiedArchitecture(platform.checks()), CheckSummary.of(platform.checks()),
                    platform.checks().stream().noneMatch(CheckResult::failed)));
        }
        return new PublishRecord(result.repository(), result.indexDigest().toString(), result.mediaType(),
                result.tagsWritten(), result.tagsUnchanged(), result.dryRun(), rows,
                result.alsoTo().stream().map(PublishedTarget::of).toList());
    }

    private static String verifiedArchitecture(List<CheckResult> checks) {
        for (CheckResult check : checks) {
            if (check.check().equals(BinaryImageCheck.NAME)) {
                return check.details().getOrDefault("detectedArchitecture", PublishedPlatform.UNKNOWN);
            }
        }
        return PublishedPlatform.UNKNOWN;
    }

    /** The repository, with its registry. */
    public String getImage() {
        return image;
    }

    public String getIndexDigest() {
        return indexDigest;
    }

    /** The index pinned by digest: {@code registry.example.com/team/app@sha256:...}. */
    public String getReference() {
        return image + "@" + indexDigest;
    }

    public String getMediaType() {
        return mediaType;
    }

    public List<String> getTagsWritten() {
        return Collections.unmodifiableList(tagsWritten);
    }

    /** Tags that already named this very index, left as they were. */
    public List<String> getTagsUnchanged() {
        return Collections.unmodifiableList(tagsUnchanged);
    }

    /** Every tag that names the index now: written and unchanged, for the build page. */
    public List<String> getTags() {
        return PublishedTarget.allTags(tagsWritten, tagsUnchanged);
    }

    public boolean isDryRun() {
        return dryRun;
    }

    public List<PublishedPlatform> getPlatforms() {
        return Collections.unmodifiableList(platforms);
    }

    /** The further repositories ({@code alsoTo}) the same index went to; empty when none. */
    public List<PublishedTarget> getAlsoTo() {
        return alsoTo == null ? List.of() : Collections.unmodifiableList(alsoTo);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublishRecord other && image.equals(other.image) && indexDigest.equals(other.indexDigest)
                && mediaType.equals(other.mediaType) && tagsWritten.equals(other.tagsWritten)
                && tagsUnchanged.equals(other.tagsUnchanged) && dryRun == other.dryRun
                && platforms.equals(other.platforms) && getAlsoTo().equals(other.getAlsoTo());
    }

    @Override
    public int hashCode() {
        return Objects.hash(image, indexDigest, mediaType, tagsWritten, tagsUnchanged, dryRun, platforms, getAlsoTo());
    }

    @Override
    public String toString() {
        return getReference() + " " + getTags() + " " + platforms + (getAlsoTo().isEmpty() ? "" : " also " + getAlsoTo());
    }
}
