package io.jenkins.plugins.multiarch.engine.publish;

import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.util.Futures;
import java.util.List;

/**
 * Writing the index under a tag failed after every platform was verified. Tags are written one after another, so
 * the tags before the failed one point at the new index and the failed one and those after it were not touched; the
 * message names both, e.g. {@code index sha256:... written under 1.0; writing latest failed: ...; not written:
 * latest, stable}.
 */
public final class TagWriteException extends PublishException {

    private final Digest indexDigest;
    private final List<String> tagsWritten;
    private final List<String> tagsNotWritten;

    /**
     * @param tagsWritten    tags now pointing at the index, in the order written
     * @param tagsUnchanged  tags that already pointed at the index before this run
     * @param tagsNotWritten the tag that failed, then the tags that were not tried
     */
    public TagWriteException(Digest indexDigest, List<String> tagsWritten, List<String> tagsUnchanged,
                             List<String> tagsNotWritten, RuntimeException cause) {
        super(message(indexDigest, tagsWritten, tagsUnchanged, tagsNotWritten, cause),
                List.of("writing " + tagsNotWritten.get(0) + " failed: " + Futures.messageOf(cause)), cause);
        this.indexDigest = indexDigest;
        this.tagsWritten = List.copyOf(tagsWritten);
        this.tagsNotWritten = List.copyOf(tagsNotWritten);
    }

    private static String message(Digest indexDigest, List<String> written, List<String> unchanged,
                                  List<String> notWritten, RuntimeException cause) {
        String failure = "writing " + notWritten.get(0) + " failed: " + Futures.messageOf(cause) + "; not written: "
                + String.join(", ", notWritten);
        if (written.isEmpty() && unchanged.isEmpty()) {
            return "nothing was published: " + failure;
        }
        String before = unchanged.isEmpty() ? "" : "already under " + String.join(", ", unchanged);
        String now = written.isEmpty() ? before
                : "written under " + String.join(", ", written) + (before.isEmpty() ? "" : " (" + before + ")");
        return "index " + indexDigest + " " + now + "; " + failure;
    }

    public Digest indexDigest() {
        return indexDigest;
    }

    /** Tags this run pointed at the index before the failure. */
    public List<String> tagsWritten() {
        return tagsWritten;
    }

    /** The tag whose write failed, then those not tried. */
    public List<String> tagsNotWritten() {
        return tagsNotWritten;
    }
}
