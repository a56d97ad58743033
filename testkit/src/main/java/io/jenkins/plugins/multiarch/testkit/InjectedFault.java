package io.jenkins.plugins.multiarch.testkit;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A planned fault of the {@link FaultInjectingProxy}: the next {@code remaining} requests that match get it instead of
 * reaching the registry. Not thread-safe; the proxy guards it.
 */
final class InjectedFault {

    /** What the client gets. */
    enum Kind {
        /** An error status with a registry-style JSON error body. */
        STATUS,
        /** The connection closes without any response. */
        DROP_CONNECTION,
        /** A 307 redirect to the same path and query on another base URL, as registries redirect to storage. */
        REDIRECT,
        /**
         * No answer: the request is held until {@link FaultInjectingProxy#releaseStalled()} or the proxy closes, then
         * its connection is closed without forwarding it, so a held write never reaches the registry.
         */
        STALL,
        /** The request is forwarded; the body of the answer arrives as {@link #bodyFault()} says. */
        BODY,
        /** A made-up answer: {@link #answer()} instead of the registry's. */
        ANSWER,
        /**
         * The request reaches the registry; its answer goes back with the full Content-Length but only the first
         * {@code status} bytes of the body, then the connection closes: a reset in the middle of a body.
         */
        CUT_BODY,
        /** A 404 with a registry-style {@code BLOB_UNKNOWN} or {@code MANIFEST_UNKNOWN} body: read-after-write lag. */
        NOT_YET
    }

    private final String method;
    private final Pattern path;
    private final Kind kind;
    private final int status;
    private final Duration retryAfter;
    private String redirectBase;
    private BodyFault bodyFault;
    private HttpResponseMessage answer;
    private String errorCode;
    private int remaining;

    InjectedFault(String method, String pathRegex, Kind kind, int status, Duration retryAfter, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + times);
        }
        this.method = method;
        this.path = Pattern.compile(pathRegex);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
        this.remaining = times;
    }

    /** {@code "*"} matches any method; the regex must match the whole raw path (no query). */
    boolean matches(String requestMethod, String requestPath) {
        return remaining > 0 && ("*".equals(method) || method.equalsIgnoreCase(requestMethod))
                && path.matcher(requestPath).matches();
    }

    /** Uses up one occurrence; returns whether any remain. */
    boolean consume() {
        remaining--;
        return remaining > 0;
    }

    Kind kind() {
        return kind;
    }

    int status() {
        return status;
    }

    /** For {@link Kind#REDIRECT}: where to, e.g. {@code http://localhost:5001}. */
    InjectedFault redirectingTo(String baseUrl) {
        this.redirectBase = baseUrl;
        return this;
    }

    InjectedFault withBody(BodyFault fault) {
        this.bodyFault = fault;
        return this;
    }

    BodyFault bodyFault() {
        return bodyFault;
    }

    InjectedFault answering(HttpResponseMessage response) {
        this.answer = response;
        return this;
    }

    HttpResponseMessage answer() {
        return answer;
    }

    String redirectBase() {
        return redirectBase;
    }

    /** For {@link Kind#STATUS}: the registry error code of the body, e.g. {@code MANIFEST_BLOB_UNKNOWN}. */
    InjectedFault withErrorCode(String code) {
        this.errorCode = code;
        return this;
    }

    /** The error code to answer with, or {@code null} for the proxy's default. */
    String errorCode() {
        return errorCode;
    }

    /** The Retry-After delay, or {@code null} for none. */
    Duration retryAfter() {
        return retryAfter;
    }
}
