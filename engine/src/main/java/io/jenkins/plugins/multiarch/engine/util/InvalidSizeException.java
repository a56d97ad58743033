package io.jenkins.plugins.multiarch.engine.util;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;

/** A size ({@code 512MiB}) that cannot be read; {@link #reason()} tells why, for front ends that word it themselves. */
public final class InvalidSizeException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the size. */
    public enum Reason {
        /** Not a whole number with an optional unit. */
        NOT_A_SIZE,
        /** Zero: nothing could be read. */
        ZERO,
        /** More bytes than a long holds. */
        TOO_LARGE
    }

    private final Reason reason;

    InvalidSizeException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
