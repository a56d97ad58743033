package io.jenkins.plugins.multiarch.engine.util;

import io.jenkins.plugins.multiarch.engine.error.CancelledException;
import io.jenkins.plugins.multiarch.engine.error.MultiarchException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Waits for work run on a pool, interruptibly, and gives back the work's own exception. {@link
 * CompletableFuture#join()} cannot be interrupted (a Jenkins abort would wait for every request), and it wraps the
 * work's exception in one whose message starts with the cause's class name, which would reach the user.
 */
public final class Futures {

    private Futures() {
    }

    /**
     * The result of {@code future}.
     *
     * @throws CancelledException if the waiting thread is interrupted (its interrupt flag is set again)
     * @throws RuntimeException   the exception the work threw, unwrapped; a checked one wrapped in a
     *                            {@link MultiarchException} with the cause's own message
     */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            throw CancelledException.of("while waiting for registry requests", e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (CancellationException e) {
            throw new CancelledException("the work was cancelled", e);
        }
    }

    /** The exception inside {@code e} (through nested wrappers), as something to rethrow. */
    public static RuntimeException unwrap(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        if (cause instanceof InterruptedException interrupted) {
            return CancelledException.of("while waiting", interrupted);
        }
        return new MultiarchException(messageOf(cause), cause);
    }

    /** A message for a person: the exception's own, or its simple class name when it has none. */
    public static String messageOf(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
