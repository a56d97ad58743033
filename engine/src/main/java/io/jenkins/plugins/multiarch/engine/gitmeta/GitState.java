package io.jenkins.plugins.multiarch.engine.gitmeta;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What is being built, as git or the CI describes it: the tag or branch or change (pull request), the commit and its
 * time, and where the source can be seen. Every part is optional; {@link #readFrom()} says where it came from.
 * The source URL never carries credentials ({@link SourceUrl}).
 */
public final class GitState implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String tag;
    private final String branch;
    private final String commit;
    private final Instant commitTime;
    private final String changeId;
    private final String sourceUrl;
    private final String readFrom;

    private GitState(Builder b) {
        this.tag = blankToNull(b.tag);
        this.branch = blankToNull(b.branch);
        this.commit = blankToNull(b.commit);
        this.commitTime = b.commitTime;
        this.changeId = blankToNull(b.changeId);
        this.sourceUrl = blankToNull(b.sourceUrl);
        this.readFrom = b.readFrom == null ? "given" : b.readFrom;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The git tag being built (e.g. {@code v1.2.3}), as written in the repository. */
    public Optional<String> tag() {
        return Optional.ofNullable(tag);
    }

    /** The branch being built (e.g. {@code feature/login}), without {@code refs/heads/}. */
    public Optional<String> branch() {
        return Optional.ofNullable(branch);
    }

    /** The full commit id. */
    public Optional<String> commit() {
        return Optional.ofNullable(commit);
    }

    /** The commit's committer time, which an index's {@code created} annotation is set from. */
    public Optional<Instant> commitTime() {
        return Optional.ofNullable(commitTime);
    }

    /** The pull or merge request number ({@code CHANGE_ID} in Jenkins). */
    public Optional<String> changeId() {
        return Optional.ofNullable(changeId);
    }

    /** The repository's public URL, credentials stripped. */
    public Optional<String> sourceUrl() {
        return Optional.ofNullable(sourceUrl);
    }

    /** Where this was read, for people: {@code Jenkins variables}, {@code GitHub Actions variables}, {@code git in DIR}. */
    public String readFrom() {
        return readFrom;
    }

    /** The semantic version the tag names, if it names one. */
    public Optional<SemanticVersion> version() {
        return tag().flatMap(SemanticVersion::tryParse);
    }

    public Builder toBuilder() {
        return new Builder().tag(tag).branch(branch).commit(commit).commitTime(commitTime).changeId(changeId)
                .sourceUrl(sourceUrl).readFrom(readFrom);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GitState s && Objects.equals(tag, s.tag) && Objects.equals(branch, s.branch)
                && Objects.equals(commit, s.commit) && Objects.equals(commitTime, s.commitTime)
                && Objects.equals(changeId, s.changeId) && Objects.equals(sourceUrl, s.sourceUrl);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tag, branch, commit, commitTime, changeId, sourceUrl);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("GitState[");
        tag().ifPresent(t -> sb.append("tag ").append(t).append(", "));
        branch().ifPresent(t -> sb.append("branch ").append(t).append(", "));
        changeId().ifPresent(t -> sb.append("change ").append(t).append(", "));
        commit().ifPresent(t -> sb.append("commit ").append(t).append(", "));
        commitTime().ifPresent(t -> sb.append("at ").append(t).append(", "));
        sourceUrl().ifPresent(t -> sb.append("source ").append(t).append(", "));
        return sb.append("from ").append(readFrom).append(']').toString();
    }

    /** Builds a state; blank parts count as absent. */
    public static final class Builder {
        private String tag;
        private String branch;
        private String commit;
        private Instant commitTime;
        private String changeId;
        private String sourceUrl;
        private String readFrom;

        private Builder() {
        }

        public Builder tag(String value) {
            this.tag = value;
            return this;
        }

        public Builder branch(String value) {
            this.branch = value;
            return this;
        }

        public Builder commit(String value) {
            this.commit = value;
            return this;
        }

        public Builder commitTime(Instant value) {
            this.commitTime = value;
            return this;
        }

        public Builder changeId(String value) {
            this.changeId = value;
            return this;
        }

        /** A remote URL as git or the CI gives it; credentials and the {@code .git} suffix are removed. */
        public Builder sourceUrl(String value) {
            this.sourceUrl = value == null ? null : SourceUrl.publicForm(value).orElse(null);
            return this;
        }

        public Builder readFrom(String value) {
            this.readFrom = value;
            return this;
        }

        boolean hasRef() {
            return tag != null || branch != null || changeId != null;
        }

        boolean hasCommit() {
            return commit != null;
        }

        boolean hasCommitTime() {
            return commitTime != null;
        }

        boolean hasSourceUrl() {
            return sourceUrl != null;
        }

        public GitState build() {
            return new GitState(this);
        }
    }
}
