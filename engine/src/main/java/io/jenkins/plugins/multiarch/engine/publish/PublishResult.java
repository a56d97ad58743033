package io.jenkins.plugins.multiarch.engine.publish;

import io.jenkins.plugins.multiarch.engine.reference.Digest;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a publish: the index, the tags it went under (or would, in a dry run), and each platform. A plain
 * immutable class, serializable (it crosses from a Jenkins agent to the controller), with no records inside.
 */
public final class PublishResult implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final String repository;
    private final Digest indexDigest;
    private final String mediaType;
    private final long indexSize;
    private final List<String> tagsWritten;
    private final List<String> tagsUnchanged;
    private final List<PlatformResult> platforms;
    private final boolean dryRun;
    private final Map<String, Long> requests;
    private final List<TargetResult> alsoTo;
    private final Map<String, List<io.jenkins.plugins.multiarch.engine.oci.Referrer>> referrers;

    public PublishResult(String repository, Digest indexDigest, String mediaType, long indexSize, List<String> tagsWritten, List<String> tagsUnchanged, List<PlatformResult> platforms, boolean dryRun, Map<String, Long> requests) {
        this(repository, indexDigest, mediaType, indexSize, tagsWritten, tagsUnchanged, platforms, dryRun, requests,
                List.of());
    }

    /** @param alsoTo what was done in each further target, in the order given */
    public PublishResult(String repository, Digest indexDigest, String mediaType, long indexSize, List<String> tagsWritten, List<String> tagsUnchanged, List<PlatformResult> platforms, boolean dryRun, Map<String, Long> requests, List<TargetResult> alsoTo) {
        this(repository, indexDigest, mediaType, indexSize, tagsWritten, tagsUnchanged, platforms, dryRun, requests,
                alsoTo, Map.of());
    }

    /** @param referrers the referrers copied along, by the digest of the image they refer to */
    public PublishResult(String repository, Digest indexDigest, String mediaType, long indexSize, List<String> tagsWritten, List<String> tagsUnchanged, List<PlatformResult> platforms, boolean dryRun, Map<String, Long> requests, List<TargetResult> alsoTo, Map<String, List<io.jenkins.plugins.multiarch.engine.oci.Referrer>> referrers) {
        Map<String, List<io.jenkins.plugins.multiarch.engine.oci.Referrer>> copy = new java.util.TreeMap<>();
        referrers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.referrers = java.util.Collections.unmodifiableMap(copy);
        this.alsoTo = List.copyOf(alsoTo);
        tagsWritten = List.copyOf(tagsWritten);
        tagsUnchanged = List.copyOf(tagsUnchanged);
        platforms = List.copyOf(platforms);
        requests = Map.copyOf(requests);
        this.repository = repository;
        this.indexDigest = indexDigest;
        this.mediaType = mediaType;
        this.indexSize = indexSize;
        this.tagsWritten = tagsWritten;
        this.tagsUnchanged = tagsUnchanged;
        this.platforms = platforms;
        this.dryRun = dryRun;
        this.requests = requests;
    }

    /** The target repository, {@code registry/repository}. */
    public String repository() {
        return repository;
    }

    /** The index's digest. */
    public Digest indexDigest() {
        return indexDigest;
    }

    /** OCI image index or Docker manifest list. */
    public String mediaType() {
        return mediaType;
    }

    /** The index's size in bytes. */
    public long indexSize() {
        return indexSize;
    }

    /** Tags now pointing at the index that did not before (in a dry run: those that would be written). */
    public List<String> tagsWritten() {
        return tagsWritten;
    }

    /** Tags that already pointed at this very index, so nothing was written. */
    public List<String> tagsUnchanged() {
        return tagsUnchanged;
    }

    /** Each platform, sorted. */
    public List<PlatformResult> platforms() {
        return platforms;
    }

    /** True when nothing was written. */
    public boolean dryRun() {
        return dryRun;
    }

    /** The further targets ({@code --also-to}), each with its tags; the same index went to each. */
    public List<TargetResult> alsoTo() {
        return alsoTo;
    }

    /** Registry requests sent, by method and kind. */
    public Map<String, Long> requests() {
        return requests;
    }

/** The index by digest, e.g. {@code registry/app@sha256:...}: what to deploy for an exact image. */
public String pinnedReference() {
    return repository + "@" + indexDigest;
}

    @Override
    public boolean equals(Object o) {
        return o instanceof PublishResult other && java.util.Objects.equals(repository, other.repository) && java.util.Objects.equals(indexDigest, other.indexDigest) && java.util.Objects.equals(mediaType, other.mediaType) && java.util.Objects.equals(indexSize, other.indexSize) && java.util.Objects.equals(tagsWritten, other.tagsWritten) && java.util.Objects.equals(tagsUnchanged, other.tagsUnchanged) && java.util.Objects.equals(platforms, other.platforms) && java.util.Objects.equals(dryRun, other.dryRun) && java.util.Objects.equals(requests, other.requests) && alsoTo.equals(other.alsoTo);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(repository, indexDigest, mediaType, indexSize, tagsWritten, tagsUnchanged, platforms, dryRun, requests, alsoTo);
    }

    @Override
    public String toString() {
        return "PublishResult[repository=" + repository + ", indexDigest=" + indexDigest + ", mediaType=" + mediaType + ", indexSize=" + indexSize + ", tagsWritten=" + tagsWritten + ", tagsUnchanged=" + tagsUnchanged + ", platforms=" + platforms + ", dryRun=" + dryRun + ", requests=" + requests + ", alsoTo=" + alsoTo + "]";
    }

    /** The referrers copied along (publish with referrers), by the digest of the image they refer to. */
    public Map<String, List<io.jenkins.plugins.multiarch.engine.oci.Referrer>> referrers() {
        return referrers;
    }
}
