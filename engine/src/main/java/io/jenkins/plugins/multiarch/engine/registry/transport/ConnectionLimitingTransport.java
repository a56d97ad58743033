package io.jenkins.plugins.multiarch.engine.registry.transport;

import io.jenkins.plugins.multiarch.engine.error.CancelledException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Holds a registry's requests in flight to its limit ({@link HttpLimits#connections()}), across every operation that
 * shares its client: a request takes a permit before it is sent and gives it back when its body has been read, or,
 * for a streamed body, when the stream is closed. The wait is interruptible and bounded by the response timeout.
 * A request {@linkplain RegistryRequest#onlyOnSpareConnection() sent only on a spare connection} does not wait.
 */
public final class ConnectionLimitingTransport implements Transport {

    private final Transport next;
    private final ConnectionPermits permits;
    private final Duration maxWait;
    private final String registry;

    public ConnectionLimitingTransport(Transport next, ConnectionPermits permits, Duration maxWait, String registry) {
        this.next = next;
        this.permits = permits;
        this.maxWait = maxWait;
        this.registry = registry;
    }

    @Override
    public RegistryResponse send(RegistryRequest request) {
        acquire(request);
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                permits.release();
            }
        };
        RegistryResponse response;
        try {
            response = next.send(request);
        } catch (RuntimeException | Error e) {
            release.run();
            throw e;
        }
        if (!response.isStreamed()) {
            release.run();
            return response;
        }
        return response.withStream(new FilterInputStream(response.stream()) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b < 0) {
                    release.run(); // read to the end: the connection is free again
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n < 0) {
                    release.run();
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    release.run();
                }
            }
        });
    }

    private void acquire(RegistryRequest request) {
        if (request.isSpareConnectionOnly()) {
            if (!permits.acquireSpare()) {
                throw new NoSpareConnectionException(registry, request);
            }
            return;
        }
        try {
            if (!permits.acquire(maxWait)) {
                throw HttpTransport.unreachable(registry, request, 1, new HttpTimeoutException("all connections to "
                        + registry + " stayed busy for " + Durations.text(maxWait)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CancelledException.of("while waiting for a connection to " + registry, e);
        }
    }
}
