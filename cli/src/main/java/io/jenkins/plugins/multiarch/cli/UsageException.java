package io.jenkins.plugins.multiarch.cli;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import java.util.function.Supplier;

/**
 * The command line's own options or arguments are wrong: exit status 2. Only what comes from reading them is a usage
 * error; an InvalidInputException from anywhere else (a registry's malformed digest header, an invalid Docker
 * config.json) is a failure, exit status 1, because changing the command line would not fix it.
 */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }

    private UsageException(InvalidInputException cause) {
        super(cause.getMessage(), cause);
    }

    /**
     * Runs a step that reads the command line's options and arguments (the engine's parsers say what is wrong with
     * an InvalidInputException) and makes what it refuses a usage error.
     */
    static <T> T parsing(Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidInputException e) {
            throw new UsageException(e);
        }
    }
}
