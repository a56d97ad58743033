package io.jenkins.plugins.multiarch.engine.publish;

import io.jenkins.plugins.multiarch.engine.error.MultiarchException;

import java.util.List;

/**
 * A publish that stopped before writing any tag: one or more sources could not be resolved or failed
 * verification, or images could not be copied into the target repository. Every problem is listed, not just the
 * first, so one run tells the user all there is to fix. The one that may come after some tags were written is the
 * subclass {@link TagWriteException}.
 */
public class PublishException extends MultiarchException {

    private final List<String> problems;

    public PublishException(String summary, List<String> problems) {
        super(summary + (problems.size() == 1 ? ": " + problems.get(0) : ":\n  - " + String.join("\n  - ", problems)));
        this.problems = List.copyOf(problems);
    }

    /** For subclasses that word the whole message themselves. */
    protected PublishException(String message, List<String> problems, Throwable cause) {
        super(message, cause);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
