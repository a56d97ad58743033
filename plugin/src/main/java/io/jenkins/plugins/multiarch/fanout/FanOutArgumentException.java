package io.jenkins.plugins.multiarch.fanout;

/**
 * An argument of {@code multiArchImage} that cannot be used; the message names the argument and says what would be
 * valid. Nothing has been built or published when it is thrown.
 */
public final class FanOutArgumentException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public FanOutArgumentException(String message) {
        super(message);
    }

    public FanOutArgumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
