package io.jenkins.plugins.multiarch.engine.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.multiarch.engine.oci.Descriptor;
import io.jenkins.plugins.multiarch.engine.oci.ManifestCodec;
import io.jenkins.plugins.multiarch.engine.oci.MediaTypes;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.registry.auth.AuthChallenge;
import io.jenkins.plugins.multiarch.engine.registry.auth.BearerToken;
import io.jenkins.plugins.multiarch.engine.registry.auth.CredentialProvider;
import io.jenkins.plugins.multiarch.engine.registry.auth.Credentials;
import io.jenkins.plugins.multiarch.engine.registry.auth.TokenService;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A client for one registry, speaking the OCI Distribution API: manifests by tag or digest, blobs, cross-repository
 * blob mounts and manifest uploads, with anonymous, Basic or bearer-token authentication.
 *
 * <p>Thread-safe: one client serves parallel requests (one per platform) over the connections the JDK's
 * {@link HttpClient} keeps alive. Authentication is settled once: the first request asks {@code GET /v2/} which
 * scheme the registry wants, and a bearer token is fetched for every repository the caller announced with
 * {@link #requestAccess}, so parallel requests that follow do not each run into a 401.
 */
public final class RegistryClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MANIFEST_ACCEPT = String.join(", ", MediaTypes.ALL_MANIFESTS);
    private static final int MAX_REDIRECTS = 5;
    /** Configs are small; a config descriptor that points at gigabytes is refused rather than read into memory. */
    static final int MAX_IN_MEMORY_BLOB = 64 * 1024 * 1024;
    /** How long a response may wait for its headers, and a body may go without a byte. */
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(120);
    /** A whole streamed upload (a layer) must be done within this. */
    static final Duration STREAMED_UPLOAD_TIMEOUT = Duration.ofMinutes(30);

    private final RegistryEndpoint endpoint;
    private final HttpClient http;
    private final CredentialProvider credentialProvider;
    private Optional<Credentials> credentials; // looked up when a registry first asks for them; guarded by authLock
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final TokenService tokenService;
    private final RequestStatistics statistics = new RequestStatistics();

    private final Object authLock = new Object();
    private final Set<String> scopes = new TreeSet<>();
    private boolean pinged;
    private AuthChallenge challenge; // null: the registry asks for no authentication
    private BearerToken token;

    private RegistryClient(Builder builder) {
        this.endpoint = RegistryEndpoint.of(builder.registry, builder.insecureRegistries);
        // HTTP/1.1 everywhere: closing a layer stream early (the binary check stops at the file it needs) then drops
        // just that connection, as tested; parallel requests use a few kept-alive connections.
        this.http = builder.httpClient != null ? builder.httpClient : HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NEVER) // we follow blob redirects ourselves: see openBlob
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.credentialProvider = builder.credentials;
        this.retryPolicy = builder.retryPolicy;
        this.clock = builder.clock;
        this.tokenService = new TokenService(http, builder.registry, endpoint, retryPolicy, clock);
    }

    public static Builder builder(String registry) {
        return new Builder(registry);
    }

    public String registry() {
        return endpoint.registry();
    }

    public RegistryEndpoint endpoint() {
        return endpoint;
    }

    public RequestStatistics statistics() {
        return statistics;
    }

    /**
     * Announces that this client will {@code pull} (or {@code pull,push}) in a repository, so the one token it
     * fetches covers all of them.
     */
    public void requestAccess(String repository, boolean push) {
        synchronized (authLock) {
            scopes.add("repository:" + repository + ":" + (push ? "pull,push" : "pull"));
            if (push) {
                scopes.remove("repository:" + repository + ":pull");
            } else if (scopes.contains("repository:" + repository + ":pull,push")) {
                scopes.remove("repository:" + repository + ":pull");
            }
        }
    }

    /**
     * Settles authentication now (the ping, and a token for every repository announced so far), so that a wrong
     * password fails once, up front, rather than in each of the parallel requests that follow.
     */
    public void authenticate() {
        ensureAuthenticated();
    }

    // ---- manifests ----

    /** GETs a manifest or index by tag or digest; content fetched by digest is checked against that digest. */
    public ManifestResponse getManifest(String repository, String reference) {
        Request request = new Request("GET", "/v2/" + repository + "/manifests/" + reference, "manifest",
                name(repository, reference)).header("Accept", MANIFEST_ACCEPT);
        HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray());
        expectOk(response, request, "manifest");
        byte[] body = response.body();
        Digest computed = Digest.sha256(body);
        Optional<Digest> claimed = response.headers().firstValue("Docker-Content-Digest").map(this::registryDigest);
        if (reference.contains(":")) {
            Digest asked = Digest.parse(reference);
            if (!asked.matches(body)) {
                throw new RegistryException("registry " + registry() + " served content for " + repository + "@"
                        + asked + " that does not hash to that digest; refusing it", response.statusCode());
            }
            computed = asked;
        } else if (claimed.isPresent() && claimed.get().algorithm().equals("sha256") && !claimed.get().equals(computed)) {
            throw new RegistryException("registry " + registry() + " says " + repository + ":" + reference + " is "
                    + claimed.get() + " but the bytes it served hash to " + computed, response.statusCode());
        }
        String mediaType = response.headers().firstValue("Content-Type").map(t -> t.split(";", 2)[0].trim())
                .filter(MediaTypes.ALL_MANIFESTS::contains)
                .orElseGet(() -> ManifestCodec.parse(body, null).mediaType());
        return new ManifestResponse(computed, mediaType, body);
    }

    /** HEADs a manifest: its descriptor, or empty when the registry does not have it. */
    public Optional<Descriptor> headManifest(String repository, String reference) {
        Request request = new Request("HEAD", "/v2/" + repository + "/manifests/" + reference, "manifest",
                name(repository, reference)).header("Accept", MANIFEST_ACCEPT);
        HttpResponse<Void> response = send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw failure(response.statusCode(), null, request, "manifest");
        }
        Optional<String> digest = response.headers().firstValue("Docker-Content-Digest");
        if (digest.isEmpty()) {
            // The header is optional in the OCI Distribution spec: read the manifest and hash it instead.
            return Optional.of(getManifest(repository, reference).descriptor());
        }
        String mediaType = response.headers().firstValue("Content-Type").map(t -> t.split(";", 2)[0].trim()).orElse("");
        long size = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        return Optional.of(new Descriptor(mediaType, registryDigest(digest.get()), size));
    }

    /** PUTs a manifest or index under a tag or its digest and checks the digest the registry reports. */
    public Digest putManifest(String repository, String reference, byte[] body, String mediaType) {
        Digest expected = Digest.sha256(body);
        Request request = new Request("PUT", "/v2/" + repository + "/manifests/" + reference, "manifest",
                name(repository, reference)).header("Content-Type", mediaType).body(body);
        HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw failure(response.statusCode(), response.body(), request, "manifest");
        }
        Optional<String> reported = response.headers().firstValue("Docker-Content-Digest");
        if (reported.isPresent() && !registryDigest(reported.get()).equals(expected)) {
            throw new RegistryException("registry " + registry() + " stored " + name(repository, reference) + " as "
                    + reported.get() + " but we sent " + expected + "; it rewrote the manifest", response.statusCode());
        }
        return expected;
    }

    // ---- blobs ----

    /** GETs a small blob (a config, at most 64 MiB) whole and checks it against its digest. */
    public byte[] getBlob(String repository, Digest digest) {
        try (InputStream in = openBlob(repository, digest)) {
            byte[] body = in.readNBytes(MAX_IN_MEMORY_BLOB + 1);
            if (body.length > MAX_IN_MEMORY_BLOB) {
                throw new RegistryException("blob " + repository + "@" + digest + " on " + registry() + " is larger than "
                        + MAX_IN_MEMORY_BLOB / (1024 * 1024) + " MiB; an image config is never that large", 200);
            }
            if (!digest.matches(body)) {
                throw new RegistryException("registry " + registry() + " served blob " + repository + "@" + digest
                        + " with content that does not hash to that digest; refusing it", 200);
            }
            return body;
        } catch (IOException e) {
            throw new RegistryException("reading blob " + repository + "@" + digest + " from " + registry()
                    + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Opens a blob as a stream, following redirects to storage; the Authorization header goes only to the
     * registry's own host, never to the host a redirect names. The caller closes the stream.
     */
    public InputStream openBlob(String repository, Digest digest) {
        Request request = new Request("GET", "/v2/" + repository + "/blobs/" + digest, "blob", repository + "@" + digest);
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
        Request current = request;
        for (int hop = 0; isRedirect(response.statusCode()); hop++) {
            closeQuietly(response.body());
            Optional<String> header = response.headers().firstValue("Location");
            if (header.isEmpty()) {
                throw new RegistryException("registry " + registry() + " redirected " + request.what
                        + " without a Location", response.statusCode());
            }
            if (hop >= MAX_REDIRECTS) {
                throw new RegistryException("registry " + registry() + " redirected " + request.what + " more than "
                        + MAX_REDIRECTS + " times", response.statusCode());
            }
            URI location = resolveLocation(response, header.get());
            current = new Request("GET", location, "blob", request.what).anonymous(!isSameOrigin(location));
            response = send(current, HttpResponse.BodyHandlers.ofInputStream());
        }
        if (response.statusCode() != 200) {
            byte[] body = readQuietly(response.body());
            if (current.anonymous) {
                throw new RegistryException("registry " + registry() + " sent the download of " + request.what + " to "
                        + current.uri(endpoint).getAuthority() + ", which answered HTTP " + response.statusCode()
                        + " (an expired or refused storage link; try again)", response.statusCode());
            }
            throw failure(response.statusCode(), body, request, "blob");
        }
        return new IdleTimeoutInputStream(response.body(), RESPONSE_TIMEOUT, request.what);
    }

    /** True if the repository has this blob. */
    public boolean blobExists(String repository, Digest digest) {
        Request request = new Request("HEAD", "/v2/" + repository + "/blobs/" + digest, "blob", repository + "@" + digest);
        HttpResponse<Void> response = send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
            return true;
        }
        if (response.statusCode() == 404) {
            return false;
        }
        throw failure(response.statusCode(), null, request, "blob");
    }

    /**
     * Makes a blob of another repository of this registry available in {@code repository}: a cross-repository
     * mount, and where the registry declines to mount (it answers 202), a streamed copy.
     */
    public void mountBlob(String repository, Digest digest, String fromRepository) {
        Request mount = new Request("POST", "/v2/" + repository + "/blobs/uploads/?mount=" + digest + "&from="
                + fromRepository, "blob upload", repository + "@" + digest).body(new byte[0]);
        HttpResponse<byte[]> response = send(mount, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 201) {
            return;
        }
        if (response.statusCode() != 202) {
            throw failure(response.statusCode(), response.body(), mount, "blob");
        }
        // The registry opened an upload instead of mounting: cancel it (best effort) and copy the blob over.
        response.headers().firstValue("Location").ifPresent(location -> cancelUpload(response, location, mount.what));
        long size = blobSize(fromRepository, digest);
        uploadBlob(repository, digest, size, () -> openBlob(fromRepository, digest));
    }

    /**
     * Uploads a blob unless the repository has it already: a POST to open an upload, a PUT with the content
     * (monolithic; streamed, never held in memory). The registry checks the digest. A failed attempt starts again
     * from the POST, since a half-sent upload session cannot be resumed by a plain PUT.
     *
     * @param size    the blob's size, sent as Content-Length; -1 if unknown (then chunked)
     * @param content opens the blob's bytes; called once per attempt
     * @return true if the blob was uploaded, false if it was already there
     */
    public boolean uploadBlob(String repository, Digest digest, long size, Supplier<InputStream> content) {
        if (blobExists(repository, digest)) {
            return false;
        }
        Instant start = clock.instant();
        for (int attempt = 1; ; attempt++) {
            try {
                uploadOnce(repository, digest, size, content);
                return true;
            } catch (RegistryException e) {
                boolean transientFailure = e.status() == -1 || RetryPolicy.isRetryableStatus(e.status());
                Duration delay = retryPolicy.delayBefore(attempt, Optional.empty());
                if (!transientFailure || e.getCause() instanceof RegistryException || !mayRetry(attempt, start, delay)) {
                    throw e;
                }
                sleep(delay);
            }
        }
    }

    private void uploadOnce(String repository, Digest digest, long size, Supplier<InputStream> content) {
        Request open = new Request("POST", "/v2/" + repository + "/blobs/uploads/", "blob upload",
                repository + "@" + digest).body(new byte[0]);
        HttpResponse<byte[]> opened = send(open, HttpResponse.BodyHandlers.ofByteArray());
        if (opened.statusCode() != 202) {
            throw failure(opened.statusCode(), opened.body(), open, "blob upload");
        }
        URI upload = resolveLocation(opened, opened.headers().firstValue("Location").orElseThrow(
                () -> new RegistryException("registry " + registry() + " opened an upload without a Location", 202)));
        URI target = URI.create(upload + (upload.getRawQuery() == null ? "?" : "&") + "digest=" + digest);
        // Opened before sending, so that a failure to read the source surfaces as itself, not as a network error.
        InputStream source = content.get();
        try (source) {
            Request put = new Request("PUT", target, "blob upload", repository + "@" + digest)
                    .header("Content-Type", "application/octet-stream")
                    .streamBody(() -> source, size)
                    .anonymous(!isSameOrigin(target))
                    .once();
            HttpResponse<byte[]> done = send(put, HttpResponse.BodyHandlers.ofByteArray());
            if (done.statusCode() != 201) {
                throw failure(done.statusCode(), done.body(), put, "blob upload");
            }
        } catch (IOException e) {
            throw new RegistryException("closing the upload source of " + digest + " failed: " + e.getMessage(), e);
        }
    }

    private long blobSize(String repository, Digest digest) {
        Request request = new Request("HEAD", "/v2/" + repository + "/blobs/" + digest, "blob", repository + "@" + digest);
        HttpResponse<Void> response = send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw failure(response.statusCode(), null, request, "blob");
        }
        return response.headers().firstValueAsLong("Content-Length").orElse(-1);
    }

    private void cancelUpload(HttpResponse<?> response, String location, String what) {
        URI upload = resolveLocation(response, location);
        try {
            send(new Request("DELETE", upload, "blob upload", what).anonymous(!isSameOrigin(upload)).once(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (RegistryException ignored) {
            // an abandoned upload session expires on its own
        }
    }

    /** True if a URL is on the registry's own scheme, host and port: only there do credentials go. */
    boolean isSameOrigin(URI uri) {
        URI base = endpoint.baseUri();
        return Objects.equals(uri.getScheme(), base.getScheme()) && Objects.equals(uri.getAuthority(), base.getAuthority());
    }

    private URI resolveLocation(HttpResponse<?> response, String location) {
        try {
            return response.request().uri().resolve(location);
        } catch (IllegalArgumentException e) {
            throw new RegistryException("registry " + registry() + " answered with an unusable Location '" + location
                    + "'", response.statusCode());
        }
    }

    /** A digest the registry sent: malformed is the registry's fault, not the user's input. */
    private Digest registryDigest(String text) {
        try {
            return Digest.parse(text);
        } catch (IllegalArgumentException e) {
            throw new RegistryException("registry " + registry() + " sent a malformed digest: " + e.getMessage(), 200);
        }
    }

    /** {@code repo:tag} or {@code repo@sha256:...}, as people write references. */
    private static String name(String repository, String reference) {
        return repository + (reference.contains(":") ? "@" : ":") + reference;
    }

    // ---- transport: authentication, retries ----

    private <T> HttpResponse<T> send(Request request, HttpResponse.BodyHandler<T> handler) {
        if (request.anonymous) {
            // Another host (storage) decides for itself; its 401/403 is no verdict on our credentials.
            return sendWithRetries(request, handler, null);
        }
        ensureAuthenticated();
        boolean renewed = false;
        while (true) {
            HttpResponse<T> response = sendWithRetries(request, handler, authorization());
            int status = response.statusCode();
            if (status == 401 && !renewed && renewToken(response)) {
                closeIfStream(response.body());
                renewed = true; // an expired token, or a repository no scope covered yet: once more with a new token
                continue;
            }
            if (status == 401 || status == 403) {
                closeIfStream(response.body());
                throw denied(response, request);
            }
            return response;
        }
    }

    /** Learns from a 401's bearer challenge and fetches a new token; false where a new token would not help. */
    private boolean renewToken(HttpResponse<?> response) {
        Optional<AuthChallenge> fresh = AuthChallenge.parse(response.headers().firstValue("WWW-Authenticate").orElse(null));
        if (fresh.isEmpty() || !fresh.get().isBearer()) {
            return false;
        }
        synchronized (authLock) {
            challenge = fresh.get();
            challenge.parameter("scope").ifPresent(scope -> scopes.addAll(List.of(scope.split(" "))));
            token = null;
            refreshTokenLocked();
            return true;
        }
    }

    private <T> HttpResponse<T> sendWithRetries(Request request, HttpResponse.BodyHandler<T> handler, String authorization) {
        Instant start = clock.instant();
        for (int attempt = 1; ; attempt++) {
            statistics.record(request.method, request.kind);
            try {
                HttpResponse<T> response = sendOnce(request, handler, authorization);
                if (!RetryPolicy.isRetryableStatus(response.statusCode()) || request.once) {
                    return response;
                }
                Optional<Duration> retryAfter = RetryPolicy.parseRetryAfter(
                        response.headers().firstValue("Retry-After").orElse(null), ZonedDateTime.now(clock));
                if (retryAfter.isPresent() && retryAfter.get().compareTo(retryPolicy.maxDelay()) > 0) {
                    closeIfStream(response.body());
                    throw new RegistryException("registry " + registry() + " answered " + request.method + " "
                            + request.what + " with HTTP " + response.statusCode() + " and asked to wait "
                            + retryAfter.get().toSeconds() + " s, longer than the " + retryPolicy.maxDelay().toSeconds()
                            + " s this client waits; try again later", response.statusCode());
                }
                Duration delay = retryPolicy.delayBefore(attempt, retryAfter);
                if (!mayRetry(attempt, start, delay)) {
                    return response;
                }
                closeIfStream(response.body());
                sleep(delay);
            } catch (IOException e) {
                Duration delay = retryPolicy.delayBefore(attempt, Optional.empty());
                if (request.once || !mayRetry(attempt, start, delay)) {
                    throw new RegistryException("cannot reach registry " + registry() + " (" + request.method + " "
                            + request.what + ", " + attempt + (attempt == 1 ? " attempt" : " attempts") + "): "
                            + describe(e), e);
                }
                sleep(delay);
            }
        }
    }

    /**
     * One exchange. Whole bodies must arrive within the response timeout (the JDK's own timeout stops at the
     * headers); streamed bodies are watched for stalls by {@link IdleTimeoutInputStream} instead.
     */
    private <T> HttpResponse<T> sendOnce(Request request, HttpResponse.BodyHandler<T> handler, String authorization)
            throws IOException {
        java.util.concurrent.CompletableFuture<HttpResponse<T>> future =
                http.sendAsync(request.build(endpoint, authorization), handler);
        try {
            Duration limit = request.streamBody != null ? STREAMED_UPLOAD_TIMEOUT : RESPONSE_TIMEOUT;
            return future.get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            future.cancel(true);
            throw new java.net.http.HttpTimeoutException("no complete answer within "
                    + (request.streamBody != null ? STREAMED_UPLOAD_TIMEOUT : RESPONSE_TIMEOUT).toSeconds() + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted during " + request.method + " " + request.what, e);
        }
    }

    private boolean mayRetry(int attempt, Instant start, Duration delay) {
        return retryPolicy.allowsAnother(attempt, Duration.between(start, clock.instant()), delay);
    }

    private void ensureAuthenticated() {
        synchronized (authLock) {
            if (!pinged) {
                Request ping = new Request("GET", "/v2/", "ping", "/v2/").anonymous(true);
                HttpResponse<byte[]> response = sendWithRetries(ping, HttpResponse.BodyHandlers.ofByteArray(), null);
                if (response.statusCode() == 401) {
                    challenge = AuthChallenge.parse(response.headers().firstValue("WWW-Authenticate").orElse(null))
                            .orElseThrow(() -> new AuthenticationException("registry " + registry()
                                    + " answered 401 without saying how to authenticate (no WWW-Authenticate)", 401));
                    if (challenge.isBasic()) {
                        checkBasicCredentialsLocked(ping);
                    }
                } else if (response.statusCode() != 200) {
                    throw failure(response.statusCode(), response.body(), ping, "registry API");
                }
                pinged = true;
            }
            if (challenge != null && challenge.isBearer() && (token == null || !token.isFresh(clock.instant()))) {
                refreshTokenLocked();
            }
        }
    }

    /** Basic: try the credentials once, on /v2/, so a wrong password fails here once and not per request. */
    private void checkBasicCredentialsLocked(Request ping) {
        Credentials basic = credentialsLocked().orElseThrow(() -> new AuthenticationException("registry " + registry()
                + " requires authentication and no credentials were given for it: pass --username with"
                + " --password-stdin, or log in with docker login " + registry(), 401));
        HttpResponse<byte[]> response = sendWithRetries(ping, HttpResponse.BodyHandlers.ofByteArray(), basic.basicHeader());
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new AuthenticationException("authentication failed for registry " + registry() + " as user '"
                    + basic.username() + "' (HTTP " + response.statusCode() + "): check the username and password",
                    response.statusCode());
        }
    }

    private Optional<Credentials> credentialsLocked() {
        if (credentials == null) {
            credentials = credentialProvider.find(registry());
        }
        return credentials;
    }

    private void refreshTokenLocked() {
        if (challenge.isBearer()) {
            statistics.record("GET", "token");
            token = tokenService.fetch(challenge, credentialsLocked(), new LinkedHashSet<>(scopes));
        }
    }

    private String authorization() {
        synchronized (authLock) {
            if (challenge == null) {
                return null;
            }
            if (challenge.isBasic()) {
                return credentialsLocked().map(Credentials::basicHeader).orElse(null);
            }
            if (challenge.isBearer()) {
                if (token == null || !token.isFresh(clock.instant())) {
                    refreshTokenLocked();
                }
                return token.header();
            }
            return null;
        }
    }

    private RegistryException denied(HttpResponse<?> response, Request request) {
        int status = response.statusCode();
        Optional<Credentials> known;
        synchronized (authLock) {
            known = credentialsLocked();
        }
        String user = known.map(c -> " as user '" + c.username() + "'").orElse(" without credentials");
        String hint = known.isPresent()
                ? "check the username and password, and that the user may access " + request.what
                : "pass --username with --password-stdin, or log in with docker login " + registry();
        String prefix = status == 401 && (challenge == null || challenge.isBasic())
                ? "authentication failed for registry " + registry()
                : "registry " + registry() + " denied " + request.method + " " + request.what;
        return new AuthenticationException(prefix + user + " (HTTP " + status + "): " + hint, status);
    }

    private void expectOk(HttpResponse<byte[]> response, Request request, String what) {
        if (response.statusCode() != 200) {
            throw failure(response.statusCode(), response.body(), request, what);
        }
    }

    private RegistryException failure(int status, byte[] body, Request request, String what) {
        String errors = registryErrors(body);
        if (status == 404) {
            return new NotFoundException(what + " " + registry() + "/" + request.what + " was not found (HTTP 404"
                    + (errors.isEmpty() ? "" : ": " + errors) + "); check the repository name and "
                    + (request.what.contains("@") ? "digest" : "tag"));
        }
        return new RegistryException("registry " + registry() + " answered " + request.method + " " + request.what
                + " with HTTP " + status + (errors.isEmpty() ? "" : ": " + errors), status);
    }

    /** The codes and messages of a Distribution error body: {"errors":[{"code":..., "message":...}]}. */
    static String registryErrors(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        try {
            JsonNode root = JSON.readTree(body);
            StringBuilder sb = new StringBuilder();
            for (JsonNode error : root.path("errors")) {
                if (sb.length() > 0) {
                    sb.append("; ");
                }
                sb.append(error.path("code").asText("")).append(' ').append(error.path("message").asText(""));
                JsonNode detail = error.get("detail");
                if (detail != null && !detail.isNull() && detail.isValueNode()) {
                    sb.append(" (").append(detail.asText()).append(')');
                }
            }
            return sb.toString().trim();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted while waiting to retry", e);
        }
    }

    private static void closeIfStream(Object body) {
        if (body instanceof InputStream in) {
            closeQuietly(in);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing more to read from it either way
        }
    }

    private static byte[] readQuietly(InputStream in) {
        try (in) {
            return in.readNBytes(64 * 1024);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** One request, described so that it can be rebuilt for a retry. */
    private static final class Request {
        final String method;
        final String kind;
        final String what;
        private final String path;
        private final URI absolute;
        private final Map<String, String> headers = new TreeMap<>();
        private byte[] body;
        Supplier<InputStream> streamBody;
        private long streamLength = -1;
        boolean anonymous;
        boolean once;

        Request(String method, String path, String kind, String what) {
            this.method = method;
            this.path = path;
            this.absolute = null;
            this.kind = kind;
            this.what = what;
        }

        Request(String method, URI absolute, String kind, String what) {
            this.method = method;
            this.path = null;
            this.absolute = absolute;
            this.kind = kind;
            this.what = what;
        }

        Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Request body(byte[] content) {
            this.body = content;
            return this;
        }

        Request streamBody(Supplier<InputStream> content, long length) {
            this.streamBody = content;
            this.streamLength = length;
            return this;
        }

        Request anonymous(boolean value) {
            this.anonymous = value;
            return this;
        }

        /** Not retried by the transport: the caller starts over from an earlier step instead. */
        Request once() {
            this.once = true;
            return this;
        }

        URI uri(RegistryEndpoint endpoint) {
            return absolute != null ? absolute : endpoint.resolve(path);
        }

        HttpRequest build(RegistryEndpoint endpoint, String authorization) {
            HttpRequest.BodyPublisher publisher = body != null ? HttpRequest.BodyPublishers.ofByteArray(body)
                    : streamBody != null && streamLength >= 0
                    ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(streamBody), streamLength)
                    : streamBody != null ? HttpRequest.BodyPublishers.ofInputStream(streamBody)
                    : HttpRequest.BodyPublishers.noBody();
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri(endpoint))
                    .method(method, publisher)
                    .header("User-Agent", "multiarch-image");
            builder.timeout(RESPONSE_TIMEOUT); // for the headers; bodies: see sendOnce
            headers.forEach(builder::header);
            if (authorization != null) {
                builder.header("Authorization", authorization);
            }
            return builder.build();
        }
    }

    /** Settings for a client. */
    public static final class Builder {
        private final String registry;
        private Set<String> insecureRegistries = Set.of();
        private CredentialProvider credentials = CredentialProvider.none();
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private HttpClient httpClient;
        private Clock clock = Clock.systemUTC();

        private Builder(String registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /** Registries ({@code host[:port]}) to reach over plain HTTP; loopback registries always are. */
        public Builder insecureRegistries(Set<String> hosts) {
            this.insecureRegistries = Set.copyOf(hosts);
            return this;
        }

        public Builder credentials(CredentialProvider provider) {
            this.credentials = Objects.requireNonNull(provider);
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy);
            return this;
        }

        /** A shared HttpClient (it must not follow redirects itself). */
        public Builder httpClient(HttpClient client) {
            this.httpClient = client;
            return this;
        }

        /** The clock token lifetimes and retry limits are measured with; tests move it instead of sleeping. */
        public Builder clock(Clock newClock) {
            this.clock = Objects.requireNonNull(newClock);
            return this;
        }

        public RegistryClient build() {
            return new RegistryClient(this);
        }
    }
}
