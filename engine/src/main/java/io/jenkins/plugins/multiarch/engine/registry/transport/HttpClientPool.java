package io.jenkins.plugins.multiarch.engine.registry.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link SharedHttpClient} per registry (and per connect timeout and limits, which are fixed when a client is
 * built), made on first use and kept until {@link #close()}: every operation of the process that talks to a
 * registry shares its connections, threads and limit.
 */
public final class HttpClientPool implements AutoCloseable {

    private record Key(String registry, String baseUri, Duration connectTimeout, HttpLimits limits) {
    }

    private final Map<Key, SharedHttpClient> clients = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public SharedHttpClient forRegistry(RegistryEndpoint endpoint, Duration connectTimeout, HttpLimits limits) {
        if (closed) {
            throw new IllegalStateException("this engine has been closed; create another");
        }
        return clients.computeIfAbsent(new Key(endpoint.registry(), endpoint.baseUri().toString(), connectTimeout,
                limits), key -> SharedHttpClient.create(endpoint, connectTimeout, limits));
    }

    /** The clients made so far (for benchmarks and tests). */
    public List<SharedHttpClient> clients() {
        return new ArrayList<>(clients.values());
    }

    /** Closes every client: their connections and threads end. */
    @Override
    public void close() {
        closed = true;
        for (SharedHttpClient client : clients.values()) {
            client.close();
        }
        clients.clear();
    }
}
