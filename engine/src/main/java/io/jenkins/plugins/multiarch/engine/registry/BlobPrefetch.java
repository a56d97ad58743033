package io.jenkins.plugins.multiarch.engine.registry;

import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.util.Futures;
import java.io.IOException;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Blob streams opened ahead of need, each taken once: the binary check's first layer is opened while the image's
 * config is still on its way, so at a distant registry the check costs no round trip of its own. One instance per
 * operation; {@link #close()} closes whatever nobody took (a config check that failed first, an image without a
 * program to check), so no stream or connection outlives the operation.
 *
 * <p>A stream opened ahead holds a connection until it is read, so it is opened only on a spare one (see
 * {@code ConnectionPermits}): where the registry's connection limit has one free connection left or none, or, over
 * TLS in the first operation on the registry's client (a CLI run), where no kept-alive connection is idle (a new one
 * costs a handshake), nothing is opened ahead and the check opens the layer when it reads it, as without this (see
 * {@link RegistryClient#openBlobAhead}).
 *
 * <p>A stream is opened on the operation's pool. Where the pool has no idle thread it may run the open on the calling
 * thread (the engine's shared pool does): then the open simply comes before the config, as it would without this.
 */
public final class BlobPrefetch implements AutoCloseable {

    private static final BlobPrefetch NONE = new BlobPrefetch(null);

    private final Executor executor;
    // Per blob, the streams opened ahead for it: one per image that will read it (images may share a layer).
    private final Map<String, Queue<CompletableFuture<VerifiedBlobStream>>> opening = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** @param executor where the opens run: the operation's pool */
    public BlobPrefetch(Executor executor) {
        this.executor = executor;
    }

    /** Opens nothing ahead: every {@link #open} opens the blob then. */
    public static BlobPrefetch none() {
        return NONE;
    }

    /**
     * Starts opening a blob that is likely to be read soon, once for each call: each {@link #open} of it takes one
     * stream. Nothing is started once the prefetch is closed.
     */
    public void start(RegistryClient client, String repository, Digest digest, long size) {
        start(key(client, repository, digest), () -> client.openBlobAhead(repository, digest, size).orElse(null));
    }

    /**
     * The blob's stream: one opened ahead if there is one (waiting for it, interruptibly), else opened now. An open
     * ahead that failed fails here with the registry's own error, as the open now would have.
     */
    public VerifiedBlobStream open(RegistryClient client, String repository, Digest digest, long size) {
        return open(key(client, repository, digest), () -> client.openBlob(repository, digest, size));
    }

    /** @param opener opens the blob, or gives null when it would rather not now (no spare connection) */
    void start(String key, Supplier<VerifiedBlobStream> opener) {
        if (executor == null || closed) {
            return;
        }
        CompletableFuture<VerifiedBlobStream> stream = new CompletableFuture<>();
        Queue<CompletableFuture<VerifiedBlobStream>> streams = opening.computeIfAbsent(key,
                k -> new ConcurrentLinkedQueue<>());
        streams.add(stream);
        try {
            executor.execute(() -> {
                if (stream.isDone()) {
                    return; // closed before it ran
                }
                try {
                    VerifiedBlobStream opened = opener.get();
                    if (!stream.complete(opened) && opened != null) {
                        closeQuietly(opened); // closed while it was opening
                    }
                } catch (RuntimeException | Error e) {
                    stream.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            streams.remove(stream); // the pool is closing: open it when needed
        }
        if (closed) {
            close(); // a close that ran between the check above and the add: leave nothing open
        }
    }

    VerifiedBlobStream open(String key, Supplier<VerifiedBlobStream> opener) {
        Queue<CompletableFuture<VerifiedBlobStream>> streams = opening.get(key);
        CompletableFuture<VerifiedBlobStream> ahead = streams == null ? null : streams.poll();
        VerifiedBlobStream opened = ahead == null ? null : Futures.await(ahead);
        return opened != null ? opened : opener.get();
    }

    /** Closes the streams nobody took; opens still running close theirs when they end. */
    @Override
    public void close() {
        closed = true;
        for (Queue<CompletableFuture<VerifiedBlobStream>> streams : opening.values()) {
            for (CompletableFuture<VerifiedBlobStream> stream = streams.poll(); stream != null; stream = streams.poll()) {
                // Not cancelled: it has ended, with a stream (to close), null (declined) or a failure.
                VerifiedBlobStream opened = stream.cancel(false) || stream.isCompletedExceptionally() ? null
                        : stream.getNow(null);
                if (opened != null) {
                    closeQuietly(opened);
                }
            }
        }
    }

    private static String key(RegistryClient client, String repository, Digest digest) {
        return client.registry() + "/" + repository + "@" + digest;
    }

    private static void closeQuietly(VerifiedBlobStream stream) {
        try {
            stream.close();
        } catch (IOException | RuntimeException e) {
            // Nobody reads it: a failure to close an unread stream changes nothing for the operation.
        }
    }
}
