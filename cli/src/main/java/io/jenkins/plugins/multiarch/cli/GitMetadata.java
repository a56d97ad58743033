package io.jenkins.plugins.multiarch.cli;

import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The tags and annotations git gave, merged into what the command line gave. */
record GitMetadata(List<String> tags, Map<String, String> annotations, List<String> notes, String described) {

    static final GitMetadata NONE = new GitMetadata(List.of(), Map.of(), List.of(), "");

    /** TARGET_REF as given, or with git's first tag when it has none (--tags-from-git). */
    ImageReference target(ImageReference given) {
        if (given.tag().isPresent() || given.digest().isPresent()) {
            return given;
        }
        if (tags.isEmpty()) {
            throw new UsageException("TARGET_REF '" + given + "' has no tag and git gave none; give one, e.g. "
                    + given.repositoryName() + ":1.0");
        }
        return given.withTag(tags.get(0));
    }

    /** The --tag tags, then git's, without the target's tag and without repeats. */
    List<String> extraTags(ImageReference target, List<String> given) {
        Set<String> all = new LinkedHashSet<>(given);
        all.addAll(tags);
        target.tag().ifPresent(all::remove);
        return new ArrayList<>(all);
    }

    /** Git's annotations with the --annotation ones over them. */
    Map<String, String> annotations(Map<String, String> given) {
        Map<String, String> all = new TreeMap<>(annotations);
        all.putAll(given);
        return all;
    }

    /** Lines for standard error: what git said, and the tags it left out and why. */
    List<String> logLines() {
        if (described.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add("git: " + described + (tags.isEmpty() ? "" : "; tags " + String.join(", ", tags)));
        notes.forEach(n -> lines.add("git: " + n));
        return lines;
    }
}
