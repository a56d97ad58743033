package io.jenkins.plugins.multiarch.model;

import java.util.List;
import java.util.Map;

/**
 * What the build's git state gave a publish ({@code tagsFromGit}, {@code annotationsFromGit}): the tags, most
 * specific first, and the {@code org.opencontainers.image.*} annotations. (Why a tag was left out goes to the build
 * log where git is read.)
 */
public record GitMetadata(List<String> tags, Map<String, String> annotations) {

    /** Neither option given. */
    public static final GitMetadata NONE = new GitMetadata(List.of(), Map.of());

    public GitMetadata {
        tags = List.copyOf(tags);
        annotations = Map.copyOf(annotations);
    }
}
