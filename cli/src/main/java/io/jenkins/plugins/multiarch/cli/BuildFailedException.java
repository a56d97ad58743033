package io.jenkins.plugins.multiarch.cli;

/** One or more platforms failed to build; the message names each and what failed. Exit status 1. */
final class BuildFailedException extends RuntimeException {
    BuildFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
