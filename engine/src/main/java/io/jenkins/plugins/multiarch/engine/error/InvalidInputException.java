package io.jenkins.plugins.multiarch.engine.error;

/**
 * The caller's input cannot work: a malformed reference or platform, an unknown format, a request whose parts do not
 * go together. Thrown before anything is sent anywhere; the message names the input and says what would be valid.
 */
public class InvalidInputException extends MultiarchException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
