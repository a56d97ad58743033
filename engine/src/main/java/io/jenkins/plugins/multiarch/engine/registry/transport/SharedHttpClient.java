package io.jenkins.plugins.multiarch.engine.registry.transport;

import io.jenkins.plugins.multiarch.engine.util.WorkPool;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP resources of one registry, shared by every operation of the process that talks to it: one JDK client
 * (its kept-alive connections), a bounded executor for the client's work, and the permits that bound its requests
 * in flight. {@link #close()} ends all of it: no thread or socket is left.
 */
public final class SharedHttpClient implements AutoCloseable {

    /** Idle HTTP threads end after this, so a quiet process keeps none but the client's selector. */
    private static final long IDLE_SECONDS = 30;

    private final String registry;
    private final HttpClient http;
    private final ThreadPoolExecutor executor;
    private final ConnectionPermits permits;
    private final Set<Thread> threads;

    private SharedHttpClient(String registry, HttpClient http, ThreadPoolExecutor executor, Set<Thread> threads,
                             ConnectionPermits permits) {
        this.threads = threads;
        this.registry = registry;
        this.http = http;
        this.executor = executor;
        this.permits = permits;
    }

    /**
     * A client as the registry layers need it: HTTP/1.1 everywhere (closing a layer stream early, as the binary check
     * does, then drops just that connection), redirects not followed by the JDK (the redirect layer decides where
     * credentials go), at most {@code limits.threads()} threads; for a plain-HTTP registry, TLS trust read only if an
     * HTTPS hop needs it.
     */
    public static SharedHttpClient create(RegistryEndpoint endpoint, Duration connectTimeout, HttpLimits limits) {
        return create(endpoint, connectTimeout, limits, null);
    }

    /**
     * As {@link #create(RegistryEndpoint, Duration, HttpLimits)}, with this SSL context (the registry's
     * {@link TlsTrust}); {@code null} for the JVM's trust (read only when first needed for a plain-HTTP registry).
     */
    public static SharedHttpClient create(RegistryEndpoint endpoint, Duration connectTimeout, HttpLimits limits,
                                          javax.net.ssl.SSLContext sslContext) {
        String name = "Multiarch engine HTTP " + endpoint.registry() + " ";
        AtomicInteger counter = new AtomicInteger();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(limits.threads(), limits.threads(), IDLE_SECONDS,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, name + counter.incrementAndGet());
                    thread.setDaemon(true);
                    threads.removeIf(t -> !t.isAlive()); // idle threads end; remember only the living
                    threads.add(thread);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .executor(executor);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        } else if (endpoint.isPlainHttp()) {
            builder.sslContext(DeferredSslContext.create()).sslParameters(DeferredSslContext.parameters());
        }
        return new SharedHttpClient(endpoint.registry(), builder.build(), executor, threads, new ConnectionPermits(limits.connections(),
                endpoint.isPlainHttp()));
    }

    public String registry() {
        return registry;
    }

    public HttpClient http() {
        return http;
    }

    /** The permits of this registry's requests in flight (see {@link ConnectionLimitingTransport}). */
    public ConnectionPermits permits() {
        return permits;
    }

    /** Threads of this client's executor alive now. */
    public int threadCount() {
        return executor.getPoolSize();
    }

    /**
     * Closes the client and its connections and ends its threads. On Java 21 and later the client closes itself; on
     * Java 17 it has no close, and its selector thread would live until the client is collected, holding the JVM's
     * exit for about 0.3 s (the JVM waits for a thread blocked in a native call): interrupting that one thread is
     * how the JDK's client stops itself there, closing its connections.
     */
    @Override
    public void close() {
        if (http instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing is best effort: the executor below is ended either way
            }
        } else {
            stopSelector();
        }
        executor.shutdownNow();
        WorkPool.awaitEnd(executor, threads);
    }

    /** Java 17: the client's selector thread, named {@code HttpClient-<id>-SelectorManager}, id from its toString. */
    private void stopSelector() {
        String text = http.toString();
        int open = text.lastIndexOf('(');
        int close = text.lastIndexOf(')');
        if (open < 0 || close < open) {
            return;
        }
        String selectorName = "HttpClient-" + text.substring(open + 1, close) + "-SelectorManager";
        List<Thread> selectors = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(selectorName)).toList();
        boolean interrupted = false;
        for (Thread selector : selectors) {
            selector.interrupt();
            try {
                selector.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
