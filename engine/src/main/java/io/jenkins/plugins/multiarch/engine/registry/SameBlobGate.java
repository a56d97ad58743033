package io.jenkins.plugins.multiarch.engine.registry;

import io.jenkins.plugins.multiarch.engine.error.CancelledException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * One mount or upload of a blob into a repository at a time in this JVM: Distribution's filesystem storage rewrites
 * a repository's link to a blob on every mount, and a manifest PUT that reads the link while another mount rewrites
 * it fails with {@code MANIFEST_BLOB_UNKNOWN} or {@code DIGEST_INVALID}. Whoever comes second waits (interruptibly)
 * for the first and is done when it succeeded; when it failed, it tries itself. Entries live only while their work
 * runs, so the map holds nothing between operations.
 */
final class SameBlobGate {

    private static final ConcurrentHashMap<String, CompletableFuture<Void>> IN_FLIGHT = new ConcurrentHashMap<>();

    private SameBlobGate() {
    }

    /**
     * Runs {@code work} for {@code key} (registry, repository and digest) unless another thread of this JVM is
     * running work for the same key; then waits for it instead.
     *
     * @return true if this thread did the work, false if another did it
     */
    static boolean once(String key, Runnable work) {
        while (true) {
            CompletableFuture<Void> mine = new CompletableFuture<>();
            CompletableFuture<Void> running = IN_FLIGHT.putIfAbsent(key, mine);
            if (running == null) {
                try {
                    work.run();
                    mine.complete(null);
                    return true;
                } catch (RuntimeException | Error e) {
                    mine.completeExceptionally(e);
                    throw e;
                } finally {
                    IN_FLIGHT.remove(key, mine);
                }
            }
            try {
                running.get();
                return false;
            } catch (InterruptedException e) {
                throw CancelledException.of("while waiting for another upload of " + key, e);
            } catch (ExecutionException e) {
                // the other attempt failed: try ourselves (the loop takes the slot if it is free)
            }
        }
    }

    /** How many keys are being worked on now; for tests. */
    static int inFlight() {
        return IN_FLIGHT.size();
    }
}
