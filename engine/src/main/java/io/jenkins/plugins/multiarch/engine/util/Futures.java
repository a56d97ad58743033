package io.jenkins.plugins.multiarch.engine.util;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Waits for work run on a pool and gives back the work's own exception. {@link CompletableFuture#join()} wraps it
 * in a {@link CompletionException} whose message starts with the cause's class name, and that message would reach
 * the user ({@code io.jenkins...AuthenticationException: registry ... denied ...}).
 */
public final class Futures {

    private Futures() {
    }

    /**
     * The result of {@code future}.
     *
     * @throws RuntimeException the exception the work threw, unwrapped; a checked one wrapped in
     *                          {@link CompletionException} with the cause's own message
     */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw unwrap(e);
        }
    }

    /** The exception inside {@code e} (through nested wrappers), as something to rethrow. */
    public static RuntimeException unwrap(CompletionException e) {
        Throwable cause = e;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new CompletionException(messageOf(cause), cause);
    }

    /** A message for a person: the exception's own, or its simple class name when it has none. */
    public static String messageOf(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
