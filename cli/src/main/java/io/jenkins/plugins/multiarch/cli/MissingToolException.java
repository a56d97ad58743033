package io.jenkins.plugins.multiarch.cli;

/** A program the command needs is not installed; the message says what to install. Exit status 1. */
final class MissingToolException extends RuntimeException {
    MissingToolException(String message) {
        super(message);
    }
}
