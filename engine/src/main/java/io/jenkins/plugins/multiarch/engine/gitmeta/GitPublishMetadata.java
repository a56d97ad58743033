package io.jenkins.plugins.multiarch.engine.gitmeta;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the build's git state gives a publish ({@code --tags-from-git}, {@code --annotations-from-git}): the state
 * read, the tags (most specific first; none unless asked), the {@code org.opencontainers.image.*} annotations (none
 * unless asked), and why any expected tag was left out.
 */
public record GitPublishMetadata(GitState state, List<String> tags, Map<String, String> annotations,
                                 List<String> notes) {

    public GitPublishMetadata {
        Objects.requireNonNull(state, "state");
        tags = List.copyOf(tags);
        annotations = Map.copyOf(annotations);
        notes = List.copyOf(notes);
    }
}
