package io.jenkins.plugins.multiarch.engine.error;

import java.io.Serializable;
import java.util.Objects;

/**
 * One entry of a Distribution error body, {@code {"errors": [{"code": "MANIFEST_BLOB_UNKNOWN", "message": "...",
 * "detail": ...}]}}: the code is the spec's machine-readable name, the message and detail the registry's words.
 */
public final class RegistryError implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String BLOB_UNKNOWN = "BLOB_UNKNOWN";
    public static final String BLOB_UPLOAD_UNKNOWN = "BLOB_UPLOAD_UNKNOWN";
    public static final String DENIED = "DENIED";
    public static final String DIGEST_INVALID = "DIGEST_INVALID";
    public static final String MANIFEST_BLOB_UNKNOWN = "MANIFEST_BLOB_UNKNOWN";
    public static final String MANIFEST_INVALID = "MANIFEST_INVALID";
    public static final String MANIFEST_UNKNOWN = "MANIFEST_UNKNOWN";
    public static final String NAME_INVALID = "NAME_INVALID";
    public static final String NAME_UNKNOWN = "NAME_UNKNOWN";
    public static final String TAG_INVALID = "TAG_INVALID";
    public static final String TOOMANYREQUESTS = "TOOMANYREQUESTS";
    public static final String UNAUTHORIZED = "UNAUTHORIZED";
    public static final String UNSUPPORTED = "UNSUPPORTED";

    private final String code;
    private final String message;
    private final String detail;

    public RegistryError(String code, String message, String detail) {
        this.code = Objects.requireNonNullElse(code, "");
        this.message = Objects.requireNonNullElse(message, "");
        this.detail = detail;
    }

    /** E.g. {@code MANIFEST_BLOB_UNKNOWN}; empty when the registry gave none. */
    public String code() {
        return code;
    }

    public String message() {
        return message;
    }

    /** The {@code detail} when it was a plain value; null otherwise. */
    public String detail() {
        return detail;
    }

    /** {@code CODE message (detail)}, as messages show it. */
    @Override
    public String toString() {
        return (code + " " + message).trim() + (detail == null ? "" : " (" + detail + ")");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegistryError other && code.equals(other.code) && message.equals(other.message)
                && Objects.equals(detail, other.detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, message, detail);
    }
}
