package io.jenkins.plugins.multiarch.engine.registry.transport;

/** What a request wants of the response body. */
public enum BodyMode {
    /** Read it whole into memory, up to the request's size limit, within the response timeout. */
    BYTES,
    /** Hand it over as a stream (layers), watched for stalls and bounded by the stream timeout. */
    STREAM,
    /** No body wanted (HEAD, DELETE); whatever comes is discarded. */
    DISCARD
}
