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

    /** The TLS trust of the registry is part of the key: an HttpClient has one SSL context, fixed when built. */
    private record Key(String registry, String baseUri, Duration connectTimeout, HttpLimits limits,
                       List<String> caCertificates, boolean verifies) {
    }

    private final Map<Key, SharedHttpClient> clients = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public SharedHttpClient forRegistry(RegistryEndpoint endpoint, Duration connectTimeout, HttpLimits limits) {
        return forRegistry(endpoint, connectTimeout, limits, TlsTrust.DEFAULT);
    }

    /** The shared client of this registry, its SSL context the one {@code trust} gives the registry. */
    public SharedHttpClient forRegistry(RegistryEndpoint endpoint, Duration connectTimeout, HttpLimits limits,
                                        TlsTrust trust) {
        if (closed) {
            throw new IllegalStateException("this engine has been closed; create another");
        }
        String registry = endpoint.registry();
        return clients.computeIfAbsent(new Key(registry, endpoint.baseUri().toString(), connectTimeout, limits,
                List.copyOf(trust.caCertificatesFor(registry)), trust.verifies(registry)),
                key -> SharedHttpClient.create(endpoint, connectTimeout, limits,
                        endpoint.isPlainHttp() && trust.isDefaultFor(registry) ? null : trust.sslContext(registry)));
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
