package io.jenkins.plugins.multiarch.engine.gitmeta;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The tags a build's git state gives, in the order they should be written, and why any expected tag was left out
 * (e.g. {@code latest not moved: 1.3.0 is higher}).
 */
public final class GitTagPlan implements Serializable {

    private static final long serialVersionUID = 1L;

    private final GitState state;
    private final List<String> tags;
    private final List<String> notes;

    public GitTagPlan(GitState state, List<String> tags, List<String> notes) {
        this.state = Objects.requireNonNull(state, "state");
        this.tags = List.copyOf(tags);
        this.notes = List.copyOf(notes);
    }

    public GitState state() {
        return state;
    }

    /** The tags, most specific first: {@code 1.2.3, 1.2, 1, latest, sha-0123abc}. */
    public List<String> tags() {
        return tags;
    }

    /** Tags not given and why, for people. */
    public List<String> notes() {
        return notes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GitTagPlan p && state.equals(p.state) && tags.equals(p.tags) && notes.equals(p.notes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, tags, notes);
    }

    @Override
    public String toString() {
        return "GitTagPlan" + tags + (notes.isEmpty() ? "" : " " + notes);
    }
}
