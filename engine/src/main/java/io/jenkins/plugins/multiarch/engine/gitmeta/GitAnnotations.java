package io.jenkins.plugins.multiarch.engine.gitmeta;

import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The OCI annotations a git state gives an index: {@code org.opencontainers.image.revision} (the commit),
 * {@code .source} (the public repository URL), {@code .created} (the commit time, not the time of the run, so a
 * rebuild of one commit publishes the same index digest) and {@code .version} (the release version, else the tag,
 * {@code pr-N} or the branch as tagged). Parts git does not know are left out.
 */
public final class GitAnnotations {

    public static final String REVISION = "org.opencontainers.image.revision";
    public static final String SOURCE = "org.opencontainers.image.source";
    public static final String CREATED = "org.opencontainers.image.created";
    public static final String VERSION = "org.opencontainers.image.version";

    private GitAnnotations() {
    }

    public static Map<String, String> of(GitState state) {
        Map<String, String> annotations = new TreeMap<>();
        state.commit().ifPresent(c -> annotations.put(REVISION, c));
        state.sourceUrl().ifPresent(s -> annotations.put(SOURCE, s));
        state.commitTime().ifPresent(t -> annotations.put(CREATED, DateTimeFormatter.ISO_INSTANT.format(t)));
        version(state).ifPresent(v -> annotations.put(VERSION, v));
        return annotations;
    }

    private static Optional<String> version(GitState state) {
        if (state.tag().isPresent()) {
            return Optional.of(state.version().map(SemanticVersion::toString).orElse(state.tag().get()));
        }
        if (state.changeId().isPresent()) {
            return Optional.of("pr-" + state.changeId().get());
        }
        return state.branch().flatMap(TagNames::sanitize);
    }
}
