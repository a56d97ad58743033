package io.jenkins.plugins.multiarch.engine.error;

import java.util.List;

/**
 * The registry, or its token service, would not let us in or not let us do this (401, 403, {@code DENIED},
 * {@code UNAUTHORIZED}). {@link #reason()} tells a front end which hint to give: where to put credentials, or that
 * the ones given were refused.
 */
public final class AccessDeniedException extends RegistryException {

    private static final long serialVersionUID = 1L;

    /** Why access was denied, as far as we can tell. */
    public enum Reason {
        /** The registry wants credentials and none were given for it. */
        NO_CREDENTIALS,
        /** The credentials given were refused (wrong username or password, expired token). */
        CREDENTIALS_REFUSED,
        /** The credentials were accepted, but they do not allow this operation on this repository. */
        NOT_PERMITTED
    }

    private final Reason reason;

    private AccessDeniedException(Builder<?> builder, Reason reason) {
        super(builder);
        this.reason = reason;
    }

    public static AccessDeniedException of(String registry, String message, Reason reason, int status,
                                           List<RegistryError> errors) {
        return new AccessDeniedException(builder(registry, message).status(status).errors(errors), reason);
    }

    public Reason reason() {
        return reason;
    }
}
