package io.jenkins.plugins.multiarch.model;

import io.jenkins.plugins.multiarch.engine.publish.TargetResult;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A further repository ({@code alsoTo}) the same index went to, with the tags written there and those already
 * naming it. Kept in {@code build.xml} inside the {@link PublishRecord}; no secret.
 */
public final class PublishedTarget implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String repository;
    private final ArrayList<String> tagsWritten;
    private final ArrayList<String> tagsUnchanged;

    public PublishedTarget(String repository, List<String> tagsWritten, List<String> tagsUnchanged) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.tagsWritten = new ArrayList<>(tagsWritten);
        this.tagsUnchanged = new ArrayList<>(tagsUnchanged);
    }

    static PublishedTarget of(TargetResult result) {
        return new PublishedTarget(result.repository(), result.tagsWritten(), result.tagsUnchanged());
    }

    /** {@code registry/repository}. */
    public String getRepository() {
        return repository;
    }

    public List<String> getTagsWritten() {
        return Collections.unmodifiableList(tagsWritten);
    }

    public List<String> getTagsUnchanged() {
        return Collections.unmodifiableList(tagsUnchanged);
    }

    /** Every tag that names the index there now: written and unchanged. */
    public List<String> getTags() {
        return allTags(tagsWritten, tagsUnchanged);
    }

    /** The tags written, then the unchanged ones not among them. */
    static List<String> allTags(List<String> written, List<String> unchanged) {
        List<String> tags = new ArrayList<>(written);
        unchanged.stream().filter(tag -> !tags.contains(tag)).forEach(tags::add);
        return tags;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublishedTarget other && repository.equals(other.repository)
                && tagsWritten.equals(other.tagsWritten) && tagsUnchanged.equals(other.tagsUnchanged);
    }

    @Override
    public int hashCode() {
        return Objects.hash(repository, tagsWritten, tagsUnchanged);
    }

    @Override
    public String toString() {
        return repository + " " + getTags();
    }
}
