package io.jenkins.plugins.multiarch.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * An HTTP/1.1 reverse proxy on loopback in front of a test registry that can fail requests on purpose and records
 * every request it sees.
 *
 * <pre>{@code
 * try (FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(registry)) {
 *     proxy.failNext(2, "PUT", "/v2/.+/manifests/.+", 503, Duration.ofSeconds(1));
 *     ... push through proxy.host() ...
 *     assertThat(proxy.count("PUT", "/v2/.+/manifests/.+")).isEqualTo(3);
 * }
 * }</pre>
 *
 * Requests and responses pass with their headers (names spelled as sent, Host included, so the registry builds its
 * upload URLs with the proxy's address) and bodies unchanged. Only connection-level headers are the proxy's own:
 * bodies are re-framed with a Content-Length (a chunked upload reaches the registry de-chunked), and each client
 * connection gets its own registry connection. Absolute {@code Location} URLs that still point at the registry are
 * rewritten to the proxy. Bodies are buffered in memory. Like the registry, the proxy refuses a TLS handshake at once,
 * so clients that try HTTPS first fall back to HTTP without a delay.
 */
public final class FaultInjectingProxy implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI upstream;
    private final InetSocketAddress upstreamAddress;
    private final List<InjectedFault> faults = new ArrayList<>();
    private final List<ProxiedRequest> requests = new CopyOnWriteArrayList<>();
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration connectionLatency = Duration.ZERO;
    private volatile Duration dripInterval = Duration.ofMillis(100);
    private volatile String locationBase;
    private volatile boolean declineMounts;
    private volatile boolean paginateTagLists;
    private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger openConnections = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger peakOpenConnections = new java.util.concurrent.atomic.AtomicInteger();
    private LoopbackHttpServer server;
    private final java.util.concurrent.Semaphore stalledArrivals = new java.util.concurrent.Semaphore(0);
    private final java.util.concurrent.CountDownLatch stallsReleased = new java.util.concurrent.CountDownLatch(1);

    private FaultInjectingProxy(URI upstream) {
        this.upstream = upstream;
        this.upstreamAddress = new InetSocketAddress(upstream.getHost(), upstream.getPort());
    }

    /** Starts a proxy on a free loopback port that forwards to {@code upstreamUrl} (e.g. {@code http://127.0.0.1:5000}). */
    public static FaultInjectingProxy inFrontOf(String upstreamUrl) {
        URI upstream = URI.create(upstreamUrl.endsWith("/") ? upstreamUrl.substring(0, upstreamUrl.length() - 1)
                : upstreamUrl);
        if (!"http".equals(upstream.getScheme()) || upstream.getPort() < 0) {
            throw new IllegalArgumentException("expected http://HOST:PORT, got " + upstreamUrl);
        }
        FaultInjectingProxy proxy = new FaultInjectingProxy(upstream);
        proxy.server = LoopbackHttpServer.start("fault-injecting-proxy", proxy::newConnection);
        return proxy;
    }

    /** Starts a proxy in front of a running test registry. */
    public static FaultInjectingProxy inFrontOf(RegistryExtension registry) {
        return inFrontOf(registry.url());
    }

    /** {@code 127.0.0.1:PORT}: use it in image references instead of the registry's host. */
    public String host() {
        return "127.0.0.1:" + server.port();
    }

    /** The loopback port it listens on. */
    public int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:PORT} */
    public String url() {
        return "http://" + host();
    }

    /**
     * The next {@code times} requests matching {@code method} ({@code "*"} for any) and {@code pathRegex} (matched
     * against the whole raw path, without query) get {@code status} instead of reaching the registry.
     */
    public FaultInjectingProxy failNext(int times, String method, String pathRegex, int status) {
        return failNext(times, method, pathRegex, status, null);
    }

    /** As {@link #failNext(int, String, String, int)}, with a {@code Retry-After} header in whole seconds. */
    public FaultInjectingProxy failNext(int times, String method, String pathRegex, int status, Duration retryAfter) {
        return plan(new InjectedFault(method, pathRegex, InjectedFault.Kind.STATUS, status, retryAfter, times));
    }

    /**
     * As {@link #failNext(int, String, String, int)}, with {@code errorCode} in the registry-style error body (e.g.
     * {@code MANIFEST_BLOB_UNKNOWN}, {@code DIGEST_INVALID}): what Distribution answers when its storage races.
     */
    public FaultInjectingProxy failNextWithCode(int times, String method, String pathRegex, int status,
                                                String errorCode) {
        return plan(new InjectedFault(method, pathRegex, InjectedFault.Kind.STATUS, status, null, times)
                .withErrorCode(errorCode));
    }

    /** The next request matching {@code method} and {@code pathRegex} has its connection closed without a response. */
    public FaultInjectingProxy dropConnectionOnce(String method, String pathRegex) {
        return dropConnectionNext(1, method, pathRegex);
    }

    /** The next {@code times} matching requests have their connections closed without a response. */
    public FaultInjectingProxy dropConnectionNext(int times, String method, String pathRegex) {
        return plan(new InjectedFault(method, pathRegex, InjectedFault.Kind.DROP_CONNECTION, 0, null, times));
    }

    /**
     * The next {@code times} matching requests get a 307 to the same path and query under {@code baseUrl}, the way a
     * registry sends blob downloads to its storage.
     */
    public FaultInjectingProxy redirectNext(int times, String method, String pathRegex, String baseUrl) {
        return plan(new InjectedFault(method, pathRegex, InjectedFault.Kind.REDIRECT, 307, null, times)
                .redirectingTo(baseUrl));
    }

    /**
     * The next {@code times} matching requests get no answer: each is held until {@link #releaseStalled()} or
     * {@link #close()}, then dropped without reaching the registry. A registry that hangs, for cancellation tests.
     */
    public FaultInjectingProxy stallNext(int times, String method, String pathRegex) {
        return plan(new InjectedFault(method, pathRegex, InjectedFault.Kind.STALL, 0, null, times));
    }

    /**
     * The next {@code times} matching requests reach the registry, but the body of each answer arrives as
     * {@code fault} says: short, closed after the headers, stalled, drip-fed, never ending or with changed bytes.
     */
    public FaultInjectingProxy bodyFaultNext(int times, String method, String pathRegex, BodyFault fault) {
        return plan(new InjectedFault(method, pathRegex, InjectedFault.Kind.BODY, 0, null, times).withBody(fault));
    }

    /**
     * The next {@code times} matching requests get this answer instead of reaching the registry: any status, headers
     * (e.g. a {@code WWW-Authenticate} challenge) and body (e.g. an error message with control characters).
     */
    public FaultInjectingProxy answerNext(int times, String method, String pathRegex, int status,
                                          Map<String, String> headers, byte[] body) {
        List<HttpField> fields = new ArrayList<>();
        headers.forEach((name, value) -> fields.add(new HttpField(name, value)));
        HttpResponseMessage answer = new HttpResponseMessage(status, HttpResponseMessage.reasonFor(status), fields,
                body.clone());
        return plan(new InjectedFault(method, pathRegex, InjectedFault.Kind.ANSWER, status, null, times)
                .answering(answer));
    }

    /** How long {@link BodyFault#DRIP} waits between bytes (100 ms unless set). */
    public FaultInjectingProxy dripInterval(Duration interval) {
        this.dripInterval = interval;
        return this;
    }

    /**
     * The next {@code times} matching requests reach the registry, but only the first {@code bytes} of each answer's
     * body come back (with the full Content-Length), then the connection closes: a body cut short mid-way.
     */
    public FaultInjectingProxy cutBodyNext(int times, String method, String pathRegex, int bytes) {
        return plan(new InjectedFault(method, pathRegex, InjectedFault.Kind.CUT_BODY, bytes, null, times));
    }

    /**
     * The next {@code times} matching requests get 404 with a {@code BLOB_UNKNOWN} (for blob paths) or
     * {@code MANIFEST_UNKNOWN} body without reaching the registry: content just written that a replicated registry
     * or its CDN does not serve yet.
     */
    public FaultInjectingProxy notFoundNext(int times, String method, String pathRegex) {
        return plan(new InjectedFault(method, pathRegex, InjectedFault.Kind.NOT_YET, 404, null, times));
    }

    /** Waits until a request is being held by {@link #stallNext}; false if none arrived within {@code timeout}. */
    public boolean awaitStalled(Duration timeout) throws InterruptedException {
        return stalledArrivals.tryAcquire(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Lets every held request go (their connections are closed without an answer). */
    public void releaseStalled() {
        stallsReleased.countDown();
    }

    /** Delays every request by {@code perRequest} before handling it, e.g. to mimic a distant registry. */
    public FaultInjectingProxy latency(Duration perRequest) {
        this.latency = perRequest;
        return this;
    }

    /**
     * Delays the first request of every new client connection by {@code perConnection} more, as a TCP handshake
     * with a distant registry would: clients that open a connection per request pay it every time.
     */
    public FaultInjectingProxy connectionLatency(Duration perConnection) {
        this.connectionLatency = perConnection;
        return this;
    }

    /**
     * Rewrites absolute {@code Location} headers (e.g. of upload sessions) to point at {@code baseUrl} instead of this
     * proxy: a registry whose uploads go to another host.
     */
    public FaultInjectingProxy locationsPointAt(String baseUrl) {
        this.locationBase = baseUrl;
        return this;
    }

    /**
     * Forwards cross-repository mount requests ({@code POST .../blobs/uploads/?mount=...&from=...}) without their
     * query, so the registry opens a plain upload (202) instead of mounting: a registry that declines mounts.
     */
    public FaultInjectingProxy declineMounts() {
        this.declineMounts = true;
        return this;
    }

    /**
     * Answers {@code GET /v2/<name>/tags/list?n=N[&last=T]} with one page of the registry's tags, in lexical order as
     * the distribution spec has it, and a {@code Link: <...?last=T&n=N>; rel="next"} header while more follow: a
     * registry that pages its tag lists (Distribution 2.8 ignores {@code n} and sends every tag).
     */
    public FaultInjectingProxy paginateTagLists() {
        this.paginateTagLists = true;
        return this;
    }

    /** How many client connections the proxy has accepted. */
    public int connections() {
        return connections.get();
    }

    /** How many client connections are open now. */
    public int openConnections() {
        return openConnections.get();
    }

    /** The most client connections that were open at once since the start or {@link #resetPeakConnections()}. */
    public int peakOpenConnections() {
        return peakOpenConnections.get();
    }

    /** Starts measuring {@link #peakOpenConnections()} again from the connections open now. */
    public void resetPeakConnections() {
        peakOpenConnections.set(openConnections.get());
    }

    /** How many planned faults have not happened yet. */
    public synchronized int pendingFaults() {
        return faults.size();
    }

    /** Forgets all planned faults that have not happened yet. */
    public synchronized void clearFaults() {
        faults.clear();
    }

    /** Every request so far, oldest first. */
    public List<ProxiedRequest> requests() {
        return List.copyOf(requests);
    }

    /** How many requests used {@code method} ({@code "*"} for any). */
    public long count(String method) {
        return count(method, ".*");
    }

    /** How many requests used {@code method} ({@code "*"} for any) on a path matching {@code pathRegex}. */
    public long count(String method, String pathRegex) {
        Pattern path = Pattern.compile(pathRegex);
        return requests.stream()
                .filter(request -> "*".equals(method) || request.method().equalsIgnoreCase(method))
                .filter(request -> path.matcher(request.path()).matches())
                .count();
    }

    /** Forgets the recorded requests. */
    public void clearRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        releaseStalled();
        server.close();
    }

    private synchronized FaultInjectingProxy plan(InjectedFault fault) {
        faults.add(fault);
        return this;
    }

    private synchronized InjectedFault takeFault(String method, String path) {
        for (Iterator<InjectedFault> it = faults.iterator(); it.hasNext(); ) {
            InjectedFault fault = it.next();
            if (fault.matches(method, path)) {
                if (!fault.consume()) {
                    it.remove();
                }
                return fault;
            }
        }
        return null;
    }

    private LoopbackHttpServer.Handler newConnection() {
        UpstreamConnection connection = new UpstreamConnection(upstreamAddress);
        connections.incrementAndGet();
        peakOpenConnections.accumulateAndGet(openConnections.incrementAndGet(), Math::max);
        return new LoopbackHttpServer.Handler() {
            private boolean first = true;

            @Override
            public HttpResponseMessage handle(HttpRequestMessage request) throws IOException {
                if (first) {
                    first = false;
                    pause(connectionLatency);
                }
                return proxy(connection, request);
            }

            @Override
            public void close() {
                openConnections.decrementAndGet();
                connection.close();
            }
        };
    }

    /** Records each request before answering, so a client holding a response also finds it in the log. */
    private HttpResponseMessage proxy(UpstreamConnection connection, HttpRequestMessage request) throws IOException {
        pause(latency);
        InjectedFault fault = takeFault(request.method(), request.path());
        if (fault != null && fault.kind() == InjectedFault.Kind.DROP_CONNECTION) {
            record(request, ProxiedRequest.DROPPED, true);
            return HttpResponseMessage.DROP;
        }
        if (fault != null && fault.kind() == InjectedFault.Kind.STALL) {
            record(request, ProxiedRequest.DROPPED, true);
            stalledArrivals.release();
            try {
                stallsReleased.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return HttpResponseMessage.DROP;
        }
        if (fault != null && fault.kind() == InjectedFault.Kind.REDIRECT) {
            record(request, 307, true);
            String location = fault.redirectBase() + request.path() + (request.query() == null ? "" : "?" + request.query());
            return new HttpResponseMessage(307, "Temporary Redirect",
                    List.of(new HttpField("Location", location)), new byte[0]);
        }
        if (fault != null && fault.kind() == InjectedFault.Kind.NOT_YET) {
            record(request, 404, true);
            boolean blob = request.path().contains("/blobs/");
            return HttpResponseMessage.json(404, registryError(blob ? "BLOB_UNKNOWN" : "MANIFEST_UNKNOWN",
                    (blob ? "blob" : "manifest") + " unknown to registry (injected by FaultInjectingProxy)"));
        }
        if (fault != null && fault.kind() == InjectedFault.Kind.ANSWER) {
            record(request, fault.status(), true);
            return fault.answer();
        }
        if (fault != null && fault.kind() != InjectedFault.Kind.BODY
                && fault.kind() != InjectedFault.Kind.CUT_BODY) {
            record(request, fault.status(), true);
            return injected(fault, request.path());
        }
        if (declineMounts && "POST".equals(request.method()) && request.query() != null
                && request.query().contains("mount=")) {
            request = new HttpRequestMessage(request.method(), request.path(), request.version(), request.headers(),
                    request.body());
        }
        boolean paging = paginateTagLists && "GET".equals(request.method()) && request.path().endsWith("/tags/list")
                && request.query() != null && request.query().contains("n=");
        String pageQuery = request.query();
        if (paging) {
            request = new HttpRequestMessage(request.method(), request.path(), request.version(), request.headers(),
                    request.body());
        }
        HttpResponseMessage response;
        try {
            response = connection.exchange(request);
        } catch (IOException e) {
            record(request, 502, false);
            return HttpResponseMessage.json(502, registryError("UNAVAILABLE", "the proxy cannot reach the registry: "
                    + e.getMessage()));
        }
        record(request, response.status(), fault != null);
        if (paging && response.status() == 200) {
            return tagPage(request.path(), pageQuery, response);
        }
        HttpResponseMessage answer = new HttpResponseMessage(response.status(), response.reason(),
                rewriteLocations(response.headers()), response.body());
        return fault == null ? answer
                : fault.kind() == InjectedFault.Kind.CUT_BODY ? answer.cutAfter(fault.status())
                : withBodyFault(answer, fault.bodyFault());
    }

    private HttpResponseMessage withBodyFault(HttpResponseMessage answer, BodyFault fault) {
        byte[] body = answer.body();
        String length = "Content-Length: " + body.length;
        return switch (fault) {
            case WRONG_BYTES -> {
                byte[] changed = body.clone();
                if (changed.length > 0) {
                    changed[changed.length / 2] ^= 0x01;
                }
                yield new HttpResponseMessage(answer.status(), answer.reason(), answer.headers(), changed);
            }
            case SHORT -> answer.withWriter(writer(length, out -> out.write(body, 0, body.length / 2)));
            case CLOSE_AFTER_HEADERS -> answer.withWriter(writer(length, out -> { }));
            case STALL_AFTER_HEADERS -> answer.withWriter(writer(length, out -> {
                stalledArrivals.release();
                awaitRelease();
            }));
            case DRIP -> answer.withWriter(writer(length, out -> {
                for (byte b : body) {
                    out.write(b);
                    out.flush();
                    pause(dripInterval);
                }
            }));
            case ENDLESS -> answer.withWriter(writer("Transfer-Encoding: chunked", out -> {
                byte[] filler = new byte[16 * 1024];
                java.util.Arrays.fill(filler, (byte) 'a');
                byte[] size = (Integer.toHexString(filler.length) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                byte[] end = "\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                while (!Thread.currentThread().isInterrupted()) {
                    out.write(size);
                    out.write(filler);
                    out.write(end);
                }
            }));
        };
    }

    private interface BodyAction {
        void write(java.io.OutputStream out) throws IOException;
    }

    private static BodyWriter writer(String framing, BodyAction action) {
        return new BodyWriter() {
            @Override
            public String framingHeader() {
                return framing;
            }

            @Override
            public void write(java.io.OutputStream out) throws IOException {
                action.write(out);
            }
        };
    }

    private void awaitRelease() {
        try {
            stallsReleased.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpResponseMessage tagPage(String path, String query, HttpResponseMessage whole) throws IOException {
        Map<String, String> params = new java.util.HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        int n = Integer.parseInt(params.get("n"));
        String last = params.get("last");
        com.fasterxml.jackson.databind.JsonNode root = JSON.readTree(whole.body());
        List<String> all = new ArrayList<>();
        root.path("tags").forEach(t -> all.add(t.asText()));
        all.sort(null);
        List<String> after = all.stream().filter(t -> last == null || t.compareTo(last) > 0).toList();
        List<String> page = after.subList(0, Math.min(n, after.size()));
        String body = JSON.writeValueAsString(Map.of("name", root.path("name").asText(), "tags", page));
        if (after.size() <= n) {
            return HttpResponseMessage.json(200, body);
        }
        String next = path + "?last=" + java.net.URLEncoder.encode(page.get(page.size() - 1),
                java.nio.charset.StandardCharsets.UTF_8) + "&n=" + n;
        return HttpResponseMessage.json(200, body, new HttpField("Link", "<" + next + ">; rel=\"next\""));
    }

    private void record(HttpRequestMessage request, int status, boolean injected) {
        boolean authorized = request.headers().stream().anyMatch(field -> field.is("Authorization"));
        requests.add(new ProxiedRequest(request.method(), request.path(), request.query(), status, injected, authorized));
    }

    private List<HttpField> rewriteLocations(List<HttpField> headers) {
        String registry = upstream.toString();
        List<HttpField> rewritten = new ArrayList<>(headers.size());
        for (HttpField field : headers) {
            String value = field.value();
            if (field.is("Location") && (value.equals(registry) || value.startsWith(registry + "/"))) {
                value = url() + value.substring(registry.length());
            }
            if (field.is("Location") && locationBase != null && value.startsWith(url() + "/")) {
                value = locationBase + value.substring(url().length());
            }
            rewritten.add(new HttpField(field.name(), value));
        }
        return rewritten;
    }

    private static HttpResponseMessage injected(InjectedFault fault, String path) throws IOException {
        String code = fault.errorCode() != null ? fault.errorCode() : switch (fault.status()) {
            case 429 -> "TOOMANYREQUESTS";
            case 404 -> path.contains("/blobs/") ? "BLOB_UNKNOWN" : "MANIFEST_UNKNOWN";
            default -> "UNAVAILABLE";
        };
        String body = registryError(code, "injected by FaultInjectingProxy");
        return fault.retryAfter() == null ? HttpResponseMessage.json(fault.status(), body)
                : HttpResponseMessage.json(fault.status(), body,
                        new HttpField("Retry-After", Long.toString(fault.retryAfter().toSeconds())));
    }

    /** The error body shape of the OCI Distribution spec. */
    private static String registryError(String code, String message) throws IOException {
        return JSON.writeValueAsString(Map.of("errors", List.of(Map.of("code", code, "message", message))));
    }

    private static void pause(Duration duration) throws IOException {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
