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

    private final RegistryEndpoint endpoint;
    private final HttpClient http;
    private final Optional<Credentials> credentials;
    private final RetryPolicy retryPolicy;
    private final TokenService tokenService;
    private final RequestStatistics statistics = new RequestStatistics();

    private final Object authLock = new Object();
    private final Set<String> scopes = new TreeSet<>();
    private boolean pinged;
    private AuthChallenge challenge; // null: the registry asks for no authentication
    private BearerToken token;

    private RegistryClient(Builder builder) {
        this.endpoint = RegistryEndpoint.of(builder.registry, builder.insecureRegistries);
        this.http = builder.httpClient != null ? builder.httpClient : HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NEVER) // we follow blob redirects ourselves: see openBlob
                .version(endpoint.isPlainHttp() ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
                .build();
        this.credentials = builder.credentials.find(builder.registry);
        this.retryPolicy = builder.retryPolicy;
        this.tokenService = new TokenService(http, builder.registry);
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
                repository + ":" + reference).header("Accept", MANIFEST_ACCEPT);
        HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray());
        expectOk(response, request, "manifest");
        byte[] body = response.body();
        Digest computed = Digest.sha256(body);
        Optional<Digest> claimed = response.headers().firstValue("Docker-Content-Digest").map(Digest::parse);
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
                repository + ":" + reference).header("Accept", MANIFEST_ACCEPT);
        HttpResponse<Void> response = send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw failure(response.statusCode(), null, request, "manifest");
        }
        Optional<String> digest = response.headers().firstValue("Docker-Content-Digest");
        if (digest.isEmpty()) {
            throw new RegistryException("registry " + registry() + " answered HEAD " + repository + ":" + reference
                    + " without a Docker-Content-Digest header", 200);
        }
        String mediaType = response.headers().firstValue("Content-Type").map(t -> t.split(";", 2)[0].trim()).orElse("");
        long size = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        return Optional.of(new Descriptor(mediaType, Digest.parse(digest.get()), size));
    }

    /** PUTs a manifest or index under a tag or its digest and checks the digest the registry reports. */
    public Digest putManifest(String repository, String reference, byte[] body, String mediaType) {
        Digest expected = Digest.sha256(body);
        Request request = new Request("PUT", "/v2/" + repository + "/manifests/" + reference, "manifest",
                repository + ":" + reference).header("Content-Type", mediaType).body(body);
        HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw failure(response.statusCode(), response.body(), request, "manifest");
        }
        Optional<String> reported = response.headers().firstValue("Docker-Content-Digest");
        if (reported.isPresent() && !Digest.parse(reported.get()).equals(expected)) {
            throw new RegistryException("registry " + registry() + " stored " + repository + ":" + reference + " as "
                    + reported.get() + " but we sent " + expected + "; it rewrote the manifest", response.statusCode());
        }
        return expected;
    }

    // ---- blobs ----

    /** GETs a small blob (a config) whole and checks it against its digest. */
    public byte[] getBlob(String repository, Digest digest) {
        try (InputStream in = openBlob(repository, digest)) {
            byte[] body = in.readAllBytes();
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
        for (int hop = 0; isRedirect(response.statusCode()); hop++) {
            URI location = response.request().uri().resolve(response.headers().firstValue("Location").orElseThrow(
                    () -> new RegistryException("registry " + registry() + " redirected " + request.what
                            + " without a Location", 307)));
            closeQuietly(response.body());
            if (hop >= MAX_REDIRECTS) {
                throw new RegistryException("registry " + registry() + " redirected " + request.what + " more than "
                        + MAX_REDIRECTS + " times", response.statusCode());
            }
            boolean sameHost = Objects.equals(location.getAuthority(), endpoint.baseUri().getAuthority())
                    && Objects.equals(location.getScheme(), endpoint.baseUri().getScheme());
            Request hopRequest = new Request("GET", location, "blob", request.what).anonymous(!sameHost);
            response = send(hopRequest, HttpResponse.BodyHandlers.ofInputStream());
        }
        if (response.statusCode() != 200) {
            byte[] body = readQuietly(response.body());
            throw failure(response.statusCode(), body, request, "blob");
        }
        return response.body();
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
     * mount, and where the registry declines to mount (it answers 202 and opens an upload), a streamed copy
     * into that upload.
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
        URI upload = response.request().uri().resolve(response.headers().firstValue("Location").orElseThrow(
                () -> new RegistryException("registry " + registry() + " opened an upload without a Location", 202)));
        String separator = upload.getRawQuery() == null ? "?" : "&";
        URI target = URI.create(upload + separator + "digest=" + digest);
        Request put = new Request("PUT", target, "blob upload", repository + "@" + digest)
                .header("Content-Type", "application/octet-stream")
                .streamBody(() -> openBlob(fromRepository, digest));
        HttpResponse<byte[]> done = send(put, HttpResponse.BodyHandlers.ofByteArray());
        if (done.statusCode() != 201) {
            throw failure(done.statusCode(), done.body(), put, "blob");
        }
    }

    /**
     * Uploads a blob unless the repository has it already: one POST to open an upload, one PUT with the content
     * (a monolithic upload; the content is streamed, never held in memory). The registry checks the digest.
     *
     * @param content opens the blob's bytes; called again if the PUT is retried
     * @return true if the blob was uploaded, false if it was already there
     */
    public boolean uploadBlob(String repository, Digest digest, long size, Supplier<InputStream> content) {
        if (blobExists(repository, digest)) {
            return false;
        }
        Request open = new Request("POST", "/v2/" + repository + "/blobs/uploads/", "blob upload",
                repository + "@" + digest).body(new byte[0]);
        HttpResponse<byte[]> opened = send(open, HttpResponse.BodyHandlers.ofByteArray());
        if (opened.statusCode() != 202) {
            throw failure(opened.statusCode(), opened.body(), open, "blob upload");
        }
        URI upload = opened.request().uri().resolve(opened.headers().firstValue("Location").orElseThrow(
                () -> new RegistryException("registry " + registry() + " opened an upload without a Location", 202)));
        URI target = URI.create(upload + (upload.getRawQuery() == null ? "?" : "&") + "digest=" + digest);
        Request put = new Request("PUT", target, "blob upload", repository + "@" + digest)
                .header("Content-Type", "application/octet-stream")
                .streamBody(content, size);
        HttpResponse<byte[]> done = send(put, HttpResponse.BodyHandlers.ofByteArray());
        if (done.statusCode() != 201) {
            throw failure(done.statusCode(), done.body(), put, "blob upload");
        }
        return true;
    }

    // ---- transport: authentication, retries ----

    private <T> HttpResponse<T> send(Request request, HttpResponse.BodyHandler<T> handler) {
        if (!request.anonymous) {
            ensureAuthenticated();
        }
        boolean reauthenticated = false;
        while (true) {
            String authorization = request.anonymous ? null : authorization();
            HttpResponse<T> response = sendWithRetries(request, handler, authorization);
            if (response.statusCode() != 401 || request.anonymous || reauthenticated) {
                if (response.statusCode() == 401 || response.statusCode() == 403) {
                    throw denied(response, request);
                }
                return response;
            }
            // An expired token, or a repository no scope covered yet: learn from the challenge and try once more.
            closeIfStream(response.body());
            reauthenticated = true;
            String header = response.headers().firstValue("WWW-Authenticate").orElse(null);
            synchronized (authLock) {
                Optional<AuthChallenge> fresh = AuthChallenge.parse(header);
                if (fresh.isEmpty()) {
                    throw denied(response, request);
                }
                challenge = fresh.get();
                challenge.parameter("scope").ifPresent(scope -> scopes.addAll(List.of(scope.split(" "))));
                token = null;
                refreshTokenLocked();
            }
        }
    }

    private <T> HttpResponse<T> sendWithRetries(Request request, HttpResponse.BodyHandler<T> handler, String authorization) {
        Instant start = Instant.now();
        for (int attempt = 1; ; attempt++) {
            statistics.record(request.method, request.kind);
            try {
                HttpResponse<T> response = http.send(request.build(endpoint, authorization), handler);
                if (!RetryPolicy.isRetryableStatus(response.statusCode())) {
                    return response;
                }
                Optional<Duration> retryAfter = RetryPolicy.parseRetryAfter(
                        response.headers().firstValue("Retry-After").orElse(null), ZonedDateTime.now());
                Duration delay = retryPolicy.delayBefore(attempt, retryAfter);
                if (!mayRetry(attempt, start, delay)) {
                    return response;
                }
                closeIfStream(response.body());
                sleep(delay);
            } catch (IOException e) {
                Duration delay = retryPolicy.delayBefore(attempt, Optional.empty());
                if (!mayRetry(attempt, start, delay)) {
                    throw new RegistryException("cannot reach registry " + registry() + " (" + request.method + " "
                            + request.what + ", " + attempt + (attempt == 1 ? " attempt" : " attempts") + "): "
                            + describe(e), e);
                }
                sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryException("interrupted during " + request.method + " " + request.what, e);
            }
        }
    }

    private boolean mayRetry(int attempt, Instant start, Duration delay) {
        return attempt < retryPolicy.maxAttempts()
                && Duration.between(start, Instant.now()).plus(delay).compareTo(retryPolicy.maxTotal()) <= 0;
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
                } else if (response.statusCode() != 200) {
                    throw failure(response.statusCode(), response.body(), ping, "registry API");
                }
                pinged = true;
            }
            if (challenge != null && challenge.isBearer() && (token == null || !token.isFresh(Instant.now()))) {
                refreshTokenLocked();
            }
        }
    }

    private void refreshTokenLocked() {
        if (challenge.isBearer()) {
            statistics.record("GET", "token");
            token = tokenService.fetch(challenge, credentials, new LinkedHashSet<>(scopes));
        }
    }

    private String authorization() {
        synchronized (authLock) {
            if (challenge == null) {
                return null;
            }
            if (challenge.isBasic()) {
                return credentials.map(Credentials::basicHeader).orElse(null);
            }
            if (challenge.isBearer()) {
                if (token == null || !token.isFresh(Instant.now())) {
                    refreshTokenLocked();
                }
                return token.header();
            }
            return null;
        }
    }

    private RegistryException denied(HttpResponse<?> response, Request request) {
        int status = response.statusCode();
        String user = credentials.map(c -> " as user '" + c.username() + "'").orElse(" without credentials");
        String hint = credentials.isPresent()
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
                    + (errors.isEmpty() ? "" : ": " + errors) + "); check the repository name and tag");
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
        private Supplier<InputStream> streamBody;
        private long streamLength = -1;
        boolean anonymous;

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

        Request streamBody(Supplier<InputStream> content) {
            this.streamBody = content;
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

        HttpRequest build(RegistryEndpoint endpoint, String authorization) {
            HttpRequest.BodyPublisher publisher = body != null ? HttpRequest.BodyPublishers.ofByteArray(body)
                    : streamBody != null && streamLength >= 0
                    ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(streamBody), streamLength)
                    : streamBody != null ? HttpRequest.BodyPublishers.ofInputStream(streamBody)
                    : HttpRequest.BodyPublishers.noBody();
            HttpRequest.Builder builder = HttpRequest.newBuilder(absolute != null ? absolute : endpoint.resolve(path))
                    .method(method, publisher)
                    .header("User-Agent", "multiarch-image");
            if (streamBody == null) {
                builder.timeout(Duration.ofSeconds(120));
            }
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

        public RegistryClient build() {
            return new RegistryClient(this);
        }
    }
}
