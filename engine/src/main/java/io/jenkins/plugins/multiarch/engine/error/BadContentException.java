package io.jenkins.plugins.multiarch.engine.error;

/**
 * The registry answered, but with content we refuse: bytes that do not hash to their digest, a digest other than the
 * one we sent, malformed JSON, a body over its size limit, a redirect without a location. Not retried; the message
 * names what was wrong.
 */
public final class BadContentException extends RegistryException {

    private static final long serialVersionUID = 1L;

    private BadContentException(Builder<?> builder) {
        super(builder);
    }

    public static BadContentException of(String registry, String message, int status) {
        return new BadContentException(builder(registry, message).status(status));
    }

    public static BadContentException of(String registry, String message, int status, Throwable cause) {
        return new BadContentException(builder(registry, message).status(status).cause(cause));
    }
}
