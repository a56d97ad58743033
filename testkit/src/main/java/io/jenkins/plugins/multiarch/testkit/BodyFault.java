package io.jenkins.plugins.multiarch.testkit;

/**
 * What the {@link FaultInjectingProxy} does to the body of a response the registry gave: the request reaches the
 * registry, its status and headers reach the client unchanged, the body does not arrive as it should.
 */
public enum BodyFault {
    /** Half the body, then the connection closes: a body shorter than its Content-Length. */
    SHORT,
    /** The head, then the connection closes before any byte of the body. */
    CLOSE_AFTER_HEADERS,
    /** The head, then nothing until {@link FaultInjectingProxy#releaseStalled()} or the proxy closes. */
    STALL_AFTER_HEADERS,
    /** The body one byte at a time, one every {@link FaultInjectingProxy#dripInterval} (never idle, never done soon). */
    DRIP,
    /** A chunked body that never ends (filler bytes until the client goes away). */
    ENDLESS,
    /** A body of the same length with one byte changed: content that no longer hashes to its digest. */
    WRONG_BYTES
}
