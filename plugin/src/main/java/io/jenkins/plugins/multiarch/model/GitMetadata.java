package io.jenkins.plugins.multiarch.model;

import java.util.List;
import java.util.Map;

/**
 * What the build's git state gave a publish ({@code tagsFromGit}, {@code annotationsFromGit}): the tags, most
 * specific first, the {@code org.opencontainers.image.*} annotations, and lines for the build log (the state read,
 * the tags left out and why).
 */
public record GitMetadata(List<String> tags, Map<String, String> annotations, List<String> notes) {

    /** Neither option given. */
    public static final GitMetadata NONE = new GitMetadata(List.of(), Map.of(), List.of());

    public GitMetadata {
        tags = List.copyOf(tags);
        annotations = Map.copyOf(annotations);
        notes = List.copyOf(notes);
    }
}
