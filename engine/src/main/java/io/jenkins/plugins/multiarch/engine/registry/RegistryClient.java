package io.jenkins.plugins.multiarch.engine.registry;

import io.jenkins.plugins.multiarch.engine.error.BadContentException;
import io.jenkins.plugins.multiarch.engine.error.CancelledException;
import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.engine.error.MultiarchException;
import io.jenkins.plugins.multiarch.engine.error.NotFoundException;
import io.jenkins.plugins.multiarch.engine.error.RegistryError;
import io.jenkins.plugins.multiarch.engine.error.RegistryException;
import io.jenkins.plugins.multiarch.engine.oci.Descriptor;
import io.jenkins.plugins.multiarch.engine.oci.ImageManifest;
import io.jenkins.plugins.multiarch.engine.oci.Manifest;
import io.jenkins.plugins.multiarch.engine.oci.ManifestIndex;
import io.jenkins.plugins.multiarch.engine.oci.ManifestCodec;
import io.jenkins.plugins.multiarch.engine.oci.MediaTypes;
import io.jenkins.plugins.multiarch.engine.oci.Referrer;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.registry.auth.AuthenticatingTransport;
import io.jenkins.plugins.multiarch.engine.registry.auth.CredentialProvider;
import io.jenkins.plugins.multiarch.engine.registry.auth.TokenService;
import io.jenkins.plugins.multiarch.engine.registry.transport.ConnectionLimitingTransport;
import io.jenkins.plugins.multiarch.engine.registry.transport.CountingTransport;
import io.jenkins.plugins.multiarch.engine.registry.transport.Durations;
import io.jenkins.plugins.multiarch.engine.registry.transport.HttpTransport;
import io.jenkins.plugins.multiarch.engine.registry.transport.RedirectingTransport;
import io.jenkins.plugins.multiarch.engine.registry.transport.RegistryEndpoint;
import io.jenkins.plugins.multiarch.engine.registry.transport.RegistryErrors;
import io.jenkins.plugins.multiarch.engine.registry.transport.NoSpareConnectionException;
import io.jenkins.plugins.multiarch.engine.registry.transport.RegistryRequest;
import io.jenkins.plugins.multiarch.engine.registry.transport.RegistryResponse;
import io.jenkins.plugins.multiarch.engine.registry.transport.RequestStatistics;
import io.jenkins.plugins.multiarch.engine.registry.transport.Retrier;
import io.jenkins.plugins.multiarch.engine.registry.transport.RetryPolicy;
import io.jenkins.plugins.multiarch.engine.registry.transport.RetryingTransport;
import io.jenkins.plugins.multiarch.engine.registry.transport.SharedHttpClient;
import io.jenkins.plugins.multiarch.engine.registry.transport.Transport;
import io.jenkins.plugins.multiarch.engine.util.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The OCI Distribution operations on one registry: manifests by tag or digest, blobs, cross-repository mounts and
 * uploads. The transport below does HTTP, retries, authentication and redirects ({@link Transport}); this class
 * sends the requests each operation needs and says what an answer means: content checked against digests, statuses
 * turned into typed errors ({@link NotFoundException}, {@link BadContentException}, {@link RegistryException}).
 *
 * <p>Thread-safe: one client serves parallel requests (one per platform) over the connections its
 * {@link HttpClient} keeps alive.
 */
public final class RegistryClient {

    private static final String MANIFEST_ACCEPT = String.join(", ", MediaTypes.ALL_MANIFESTS);

    private final RegistryEndpoint endpoint;
    private final AuthenticatingTransport authentication;
    private final Transport transport;
    private final Retrier retrier;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final RequestStatistics statistics;
    private final ReadLimits limits;
    /** Digests this client pushed, or read in a manifest, or was told exist: a 404 for one is waited out as lag. */
    private final Set<Digest> known = ConcurrentHashMap.newKeySet();
    /** How to put each blob this client mounted or uploaded ({@code repository@digest}) there again. */
    private final Map<String, Runnable> placements = new ConcurrentHashMap<>();

    private RegistryClient(Builder b) {
        this.limits = b.settings.limits();
        this.endpoint = b.settings.endpoint(b.registry);
        this.statistics = new RequestStatistics();
        this.retrier = new Retrier(b.settings.retryPolicy(), b.sleeper, b.clock);
        this.policy = b.settings.retryPolicy();
        this.sleeper = b.sleeper;
        // Counted where a request goes out: below the connection limit, so what the limit refuses or times out is not.
        Transport http;
        if (b.shared != null) {
            b.shared.permits().operationStarted();
            http = new ConnectionLimitingTransport(new CountingTransport(new HttpTransport(b.shared.http(), endpoint,
                    b.settings.timeouts()), statistics), b.shared.permits(), b.settings.timeouts().response(), b.registry);
        } else {
            http = new CountingTransport(new HttpTransport(b.httpClient != null ? b.httpClient
                    : defaultHttpClient(b.settings, b.registry), endpoint, b.settings.timeouts()), statistics);
        }
        Transport belowAuth = new RetryingTransport(http, retrier, b.clock, b.registry);
        this.authentication = new AuthenticatingTransport(belowAuth, endpoint, b.credentials,
                new TokenService(belowAuth, endpoint, b.clock), b.clock);
        this.transport = new RedirectingTransport(authentication, b.registry);
    }

    /**
     * An HttpClient as this client needs it: HTTP/1.1 everywhere (closing a layer stream early, as the binary check
     * does, then drops just that connection; parallel requests use a few kept-alive connections), and redirects not
     * followed by the JDK (the redirect layer decides where credentials go).
     */
    public static HttpClient defaultHttpClient(RegistrySettings settings) {
        return defaultHttpClient(settings, null);
    }

    /** As {@link #defaultHttpClient(RegistrySettings)}, trusting the TLS certificates the settings trust for {@code registry}. */
    public static HttpClient defaultHttpClient(RegistrySettings settings, String registry) {
        return HttpClient.newBuilder()
                .sslContext(registry == null ? defaultSslContext() : settings.tlsTrust().sslContext(registry))
                .connectTimeout(settings.timeouts().connect())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    private static javax.net.ssl.SSLContext defaultSslContext() {
        try {
            return javax.net.ssl.SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no default TLS context", e);
        }
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

    /**
     * Refuses an index with more children than an operation follows, before any child is read: a registry's index
     * of 100,000 entries would otherwise cost as many requests.
     */
    public void checkChildren(String what, int children, String operation) {
        if (children > limits.children()) {
            throw BadContentException.of(registry(), "index " + registry() + "/" + what + " lists " + children
                    + " manifests, more than the " + limits.children() + " " + operation + " follows (the limit of"
                    + " index children); nothing was read of them. Raise the limit if the index is meant to be"
                    + " this big", 200);
        }
    }

    /** How much of this registry's answers is read. */
    public ReadLimits limits() {
        return limits;
    }

    public RequestStatistics statistics() {
        return statistics;
    }

    /**
     * Announces that this client will {@code pull} (or {@code pull,push}) in a repository, so the one token it
     * fetches covers all of them.
     */
    public void requestAccess(String repository, boolean push) {
        authentication.requestAccess(repository, push);
    }

    /**
     * Settles authentication now (the ping, and a token for every repository announced so far), so that a wrong
     * password fails once, up front, rather than in each of the parallel requests that follow.
     */
    public void authenticate() {
        authentication.authenticate();
    }

    // ---- manifests ----

    /**
     * Tells the client that this digest exists in the registry (a build tool just pushed it): if it answers 404 at
     * first, that is waited out as read-after-write lag, within the retry policy's {@code notFoundLag}.
     */
    public void expectExists(Digest digest) {
        known.add(digest);
    }

    /**
     * GETs a manifest or index by tag or digest; content fetched by digest is checked against that digest. A digest
     * this client knows exists (pushed, listed in a manifest it read, {@link #expectExists announced}) that answers
     * 404 is asked for again within the policy's {@code notFoundLag}.
     */
    public ManifestResponse getManifest(String repository, String reference) {
        ManifestResponse response = reference.contains(":")
                ? waitingOutLag(Digest.parse(reference), () -> getManifestOnce(repository, reference))
                : getManifestOnce(repository, reference);
        rememberReferences(response);
        return response;
    }

    private ManifestResponse getManifestOnce(String repository, String reference) {
        RegistryRequest request = RegistryRequest.of("GET", "/v2/" + repository + "/manifests/" + reference,
                "manifest", name(repository, reference)).header("Accept", MANIFEST_ACCEPT)
                .maxBodyBytes(limits.manifestBytes());
        RegistryResponse response = transport.send(request);
        expectStatus(response, request, 200);
        byte[] body = response.bytes();
        Digest computed = Digest.sha256(body);
        Optional<Digest> claimed = response.header("Docker-Content-Digest").map(this::registryDigest);
        if (reference.contains(":")) {
            Digest asked = Digest.parse(reference);
            if (!asked.matches(body)) {
                throw BadContentException.of(registry(), "registry " + registry() + " served content for " + repository
                        + "@" + asked + " that does not hash to that digest; refusing it", response.status());
            }
            computed = asked;
        } else if (claimed.isPresent() && claimed.get().algorithm().equals("sha256") && !claimed.get().equals(computed)) {
            throw BadContentException.of(registry(), "registry " + registry() + " says " + repository + ":" + reference
                    + " is " + claimed.get() + " but the bytes it served hash to " + computed, response.status());
        }
        String mediaType = response.header("Content-Type").map(t -> t.split(";", 2)[0].trim())
                .filter(MediaTypes.ALL_MANIFESTS::contains)
                .orElseGet(() -> ManifestCodec.parse(body, null).mediaType());
        return new ManifestResponse(computed, mediaType, body);
    }

    /** HEADs a manifest: its descriptor, or empty when the registry does not have it. */
    public Optional<Descriptor> headManifest(String repository, String reference) {
        RegistryRequest request = RegistryRequest.of("HEAD", "/v2/" + repository + "/manifests/" + reference,
                "manifest", name(repository, reference)).header("Accept", MANIFEST_ACCEPT);
        RegistryResponse response = transport.send(request);
        if (response.status() == 404) {
            return Optional.empty();
        }
        expectStatus(response, request, 200);
        Optional<String> digest = response.header("Docker-Content-Digest");
        if (digest.isEmpty()) {
            // The header is optional in the OCI Distribution spec: read the manifest and hash it instead.
            return Optional.of(getManifest(repository, reference).descriptor());
        }
        String mediaType = response.header("Content-Type").map(t -> t.split(";", 2)[0].trim()).orElse("");
        long size = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        return Optional.of(new Descriptor(mediaType, registryDigest(digest.get()), size));
    }

    /**
     * The referrers of {@code subject} in {@code repository} (OCI Distribution 1.1): {@code GET /v2/<name>/referrers/
     * <digest>}; where the registry has no referrers API (Distribution 2.8 answers 404), the index under the
     * tag-schema fallback tag {@code sha256-<hex>}, or none. Only the first page of an API answer is read (its
     * {@code Link} header is not followed): registries page at hundreds of entries.
     */
    public ReferrerList referrers(String repository, Digest subject) {
        RegistryRequest request = RegistryRequest.of("GET", "/v2/" + repository + "/referrers/" + subject, "referrers",
                name(repository, subject.toString())).header("Accept", MediaTypes.OCI_INDEX)
                .maxBodyBytes(limits.manifestBytes());
        RegistryResponse response = transport.send(request);
        boolean index = response.header("Content-Type").map(t -> t.split(";", 2)[0].trim())
                .filter(MediaTypes.OCI_INDEX::equals).isPresent();
        if (response.status() == 200 && index) {
            return new ReferrerList(Referrer.listIn(response.bytes()), true);
        }
        // Registries without the API answer 404 (Distribution), 400 or 405; anything else is a failure.
        expectStatus(response, request, 200, 400, 404, 405);
        response.close();
        String tag = Referrer.fallbackTag(subject);
        if (headManifest(repository, tag).isEmpty()) {
            return new ReferrerList(List.of(), false);
        }
        return new ReferrerList(Referrer.listIn(getManifest(repository, tag).bytes()), false);
    }

    /**
     * PUTs a manifest or index under a tag or its digest and checks the digest the registry reports. When the
     * registry answers that a blob or child it refers to is unknown ({@code MANIFEST_BLOB_UNKNOWN},
     * {@code BLOB_UNKNOWN}, {@code MANIFEST_UNKNOWN}, {@code DIGEST_INVALID}) and this client put that content there
     * itself, the content is checked ({@code HEAD}), put there again if it is missing, and the PUT retried: what a
     * concurrent mount of the same blob by another process, or a replicated registry's lag, looks like.
     */
    public Digest putManifest(String repository, String reference, byte[] body, String mediaType) {
        for (int attempt = 1; ; attempt++) {
            try {
                return putManifestOnce(repository, reference, body, mediaType);
            } catch (RegistryException e) {
                if (!refersToUnknownContent(e) || attempt >= policy.maxAttempts()) {
                    throw e;
                }
                List<Runnable> repairs = repairsFor(repository, body, mediaType);
                if (repairs.isEmpty()) {
                    throw e; // nothing it refers to was put there by this client: the content is really missing
                }
                pause(policy.delayBefore(attempt, Optional.empty()), "retry PUT " + name(repository, reference));
                repairs.forEach(Runnable::run);
            }
        }
    }

    private static boolean refersToUnknownContent(RegistryException e) {
        return e.status().orElse(0) == 400 && (e.hasCode("MANIFEST_BLOB_UNKNOWN") || e.hasCode("BLOB_UNKNOWN")
                || e.hasCode("MANIFEST_UNKNOWN") || e.hasCode("DIGEST_INVALID"));
    }

    /**
     * For each blob the manifest names that this client mounted or uploaded into the repository: check it is there,
     * put it there again if not. For each child of an index that this client knows: check it is there (waiting out
     * lag). Empty when the manifest names nothing this client placed or knows.
     */
    private List<Runnable> repairsFor(String repository, byte[] body, String mediaType) {
        Manifest manifest;
        try {
            manifest = ManifestCodec.parse(body, mediaType);
        } catch (MultiarchException e) {
            return List.of();
        }
        List<Runnable> repairs = new ArrayList<>();
        if (manifest instanceof ImageManifest image) {
            List<Descriptor> blobs = new ArrayList<>(image.layers());
            blobs.add(image.config());
            for (Descriptor blob : blobs) {
                Runnable place = placements.get(repository + "@" + blob.digest());
                if (place != null) {
                    repairs.add(() -> {
                        if (!blobExists(repository, blob.digest())) {
                            place.run();
                        }
                    });
                }
            }
        } else if (manifest instanceof ManifestIndex index) {
            for (Descriptor child : index.manifests()) {
                if (known.contains(child.digest())) {
                    repairs.add(() -> getManifest(repository, child.digest().toString()));
                }
            }
        }
        return repairs;
    }

    private Digest putManifestOnce(String repository, String reference, byte[] body, String mediaType) {
        Digest expected = Digest.sha256(body);
        RegistryRequest request = RegistryRequest.of("PUT", "/v2/" + repository + "/manifests/" + reference,
                "manifest", name(repository, reference)).header("Content-Type", mediaType).body(body);
        RegistryResponse response = transport.send(request);
        expectStatus(response, request, 201, 200);
        Optional<String> reported = response.header("Docker-Content-Digest");
        if (reported.isPresent() && !registryDigest(reported.get()).equals(expected)) {
            throw BadContentException.of(registry(), "registry " + registry() + " stored " + name(repository, reference)
                    + " as " + reported.get() + " but we sent " + expected + "; it rewrote the manifest",
                    response.status());
        }
        known.add(expected);
        return expected;
    }

    // ---- tags ----

    /** Page size asked of the tag list; registries may send fewer (or, like Distribution 2.8 at times, all). */
    public static final int TAG_PAGE_SIZE = 1000;
    /** A repository with more tags than this is refused rather than held in memory. */
    public static final int MAX_TAGS = 100_000;

    /**
     * Every tag of a repository (empty when the repository does not exist yet), following the {@code Link: <...>;
     * rel="next"} pages of {@code GET /v2/<name>/tags/list}.
     */
    public List<String> listTags(String repository) {
        return listTags(repository, TAG_PAGE_SIZE);
    }

    /** As {@link #listTags(String)}, asking for pages of {@code pageSize} tags. */
    public List<String> listTags(String repository, int pageSize) {
        List<String> tags = new ArrayList<>();
        Set<String> pagesSeen = new HashSet<>();
        String page = "/v2/" + repository + "/tags/list?n=" + pageSize;
        while (page != null) {
            if (!pagesSeen.add(page)) {
                throw BadContentException.of(registry(), "registry " + registry() + " sent the tag list of "
                        + repository + " in a loop (page " + page + " again)", 200);
            }
            RegistryRequest request = RegistryRequest.of("GET", page, "tag list", repository)
                    .header("Accept", "application/json").maxBodyBytes(limits.manifestBytes());
            RegistryResponse response = transport.send(request);
            if (response.status() == 404) {
                byte[] body = response.bytes();
                if (tags.isEmpty() && RegistryErrors.parse(body).stream().anyMatch(e -> "NAME_UNKNOWN".equals(e.code()))) {
                    return List.of(); // no such repository yet: it has no tags
                }
                throw failure(404, body, request);
            }
            expectStatus(response, request, 200);
            tags.addAll(TagListPage.parse(response.bytes(), registry(), repository));
            if (tags.size() > MAX_TAGS) {
                throw BadContentException.of(registry(), "repository " + registry() + "/" + repository + " has more"
                        + " than " + MAX_TAGS + " tags; refusing to read them all", 200);
            }
            page = TagListPage.next(response.header("Link"), endpoint, registry()).orElse(null);
        }
        return List.copyOf(tags);
    }

    // ---- blobs ----

    /** GETs a small blob (a config, at most {@link ReadLimits#configBytes()}) whole and checks it against its digest. */
    public byte[] getBlob(String repository, Digest digest) {
        return waitingOutLag(digest, () -> getBlobOnce(repository, digest));
    }

    private byte[] getBlobOnce(String repository, Digest digest) {
        RegistryRequest request = blobRequest(repository, digest).maxBodyBytes(limits.configBytes());
        RegistryResponse response = transport.send(request);
        expectBlobAnswer(response, request);
        byte[] body = response.bytes();
        if (!digest.matches(body)) {
            throw BadContentException.of(registry(), "registry " + registry() + " served blob " + repository + "@"
                    + digest + " with content that does not hash to that digest; refusing it", response.status());
        }
        return body;
    }

    /**
     * Opens a blob as a stream, following redirects to storage; the Authorization header goes only to the
     * registry's own host, never to the host a redirect names. The bytes are checked against the digest once read to
     * the end ({@link VerifiedBlobStream}). The caller closes the stream. A stream that breaks mid-way is resumed
     * from where it broke ({@link ResumingBlobStream}); a blob this client knows exists that answers 404 is asked
     * for again within the policy's {@code notFoundLag}.
     */
    public VerifiedBlobStream openBlob(String repository, Digest digest) {
        return openBlob(repository, digest, -1);
    }

    /**
     * As {@link #openBlob(String, Digest)}, for a blob whose size its descriptor gives: a stream closed with at most
     * a few KiB unread is read to its end first, so that its digest is checked.
     */
    public VerifiedBlobStream openBlob(String repository, Digest digest, long size) {
        return blobStream(repository, digest, size, waitingOutLag(digest, () -> openBlobFrom(repository, digest, 0)));
    }

    /**
     * As {@link #openBlob(String, Digest, long)}, for a blob opened ahead of need: only on a spare connection (see
     * {@link RegistryRequest#onlyOnSpareConnection()}), so that holding it open can never starve the requests before
     * it is read; empty when every connection but one is busy.
     */
    public Optional<VerifiedBlobStream> openBlobAhead(String repository, Digest digest, long size) {
        RegistryResponse first;
        try {
            first = waitingOutLag(digest, () -> openBlobFrom(repository, digest, 0, true));
        } catch (NoSpareConnectionException e) {
            return Optional.empty();
        }
        return Optional.of(blobStream(repository, digest, size, first));
    }

    private VerifiedBlobStream blobStream(String repository, Digest digest, long size, RegistryResponse first) {
        InputStream resuming = new ResumingBlobStream(first.stream(), offset -> openBlobFrom(repository, digest, offset),
                policy, sleeper, "blob " + repository + "@" + digest);
        return new VerifiedBlobStream(resuming, digest, size, registry(), repository + "@" + digest);
    }

    private RegistryResponse openBlobFrom(String repository, Digest digest, long offset) {
        return openBlobFrom(repository, digest, offset, false);
    }

    /** The blob's answer from byte {@code offset} on: 200 (the whole blob) or, for an offset, possibly 206. */
    private RegistryResponse openBlobFrom(String repository, Digest digest, long offset, boolean ahead) {
        RegistryRequest request = blobRequest(repository, digest).streamed();
        if (ahead) {
            request = request.onlyOnSpareConnection();
        }
        if (offset > 0) {
            request = request.header("Range", "bytes=" + offset + "-");
        }
        RegistryResponse response = transport.send(request);
        if (offset > 0 && response.status() == 206) {
            return response;
        }
        expectBlobAnswer(response, request);
        return response;
    }

    private static RegistryRequest blobRequest(String repository, Digest digest) {
        return RegistryRequest.of("GET", "/v2/" + repository + "/blobs/" + digest, "blob", repository + "@" + digest)
                .followRedirects();
    }

    private void expectBlobAnswer(RegistryResponse response, RegistryRequest request) {
        if (response.status() == 200) {
            return;
        }
        byte[] body = response.bytes();
        response.close();
        if (!authentication.isSameOrigin(response.uri())) {
            throw RegistryException.of(RegistryException.builder(registry(), "registry " + registry()
                    + " sent the download of " + request.what() + " to " + response.uri().getAuthority()
                    + ", which answered HTTP " + response.status() + " (an expired or refused storage link; try again)")
                    .status(response.status()).retryable(true));
        }
        throw failure(response.status(), body, request);
    }

    /** True if the repository has this blob. */
    public boolean blobExists(String repository, Digest digest) {
        RegistryRequest request = RegistryRequest.of("HEAD", "/v2/" + repository + "/blobs/" + digest, "blob",
                repository + "@" + digest);
        RegistryResponse response = transport.send(request);
        if (response.status() == 404) {
            return false;
        }
        expectStatus(response, request, 200);
        return true;
    }

    /**
     * Makes a blob of another repository of this registry available in {@code repository}: a cross-repository
     * mount, and where the registry declines to mount (it answers 202), a streamed copy.
     */
    public void mountBlob(String repository, Digest digest, String fromRepository) {
        known.add(digest);
        placements.put(repository + "@" + digest, () -> mountOnce(repository, digest, fromRepository));
        // A mount rewrites the repository's link to the blob even when it is there, which can fail a concurrent
        // manifest PUT: mount only what is missing, and one mount of a blob at a time in this JVM.
        SameBlobGate.once(gateKey(repository, digest), () -> {
            if (!blobExists(repository, digest)) {
                mountOnce(repository, digest, fromRepository);
            }
        });
    }

    private String gateKey(String repository, Digest digest) {
        return endpoint.baseUri().getAuthority() + "/" + repository + "@" + digest;
    }

    private void mountOnce(String repository, Digest digest, String fromRepository) {
        RegistryRequest mount = RegistryRequest.of("POST", "/v2/" + repository + "/blobs/uploads/?mount=" + digest
                + "&from=" + fromRepository, "blob upload", repository + "@" + digest).body(new byte[0]);
        RegistryResponse response = transport.send(mount);
        if (response.status() == 201) {
            return;
        }
        expectStatus(response, mount, 202);
        // The registry opened an upload instead of mounting: cancel it (best effort) and copy the blob over.
        response.header("Location").ifPresent(location -> cancelUpload(response, location, mount.what()));
        long size = waitingOutLag(digest, () -> blobSize(fromRepository, digest));
        uploadOnceRetried(repository, digest, size, () -> openBlob(fromRepository, digest));
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
        known.add(digest);
        placements.put(repository + "@" + digest, () -> uploadOnceRetried(repository, digest, size, content));
        boolean[] uploaded = {false};
        SameBlobGate.once(gateKey(repository, digest), () -> {
            if (!blobExists(repository, digest)) {
                uploadOnceRetried(repository, digest, size, content);
                uploaded[0] = true;
            }
        });
        return uploaded[0];
    }

    private void uploadOnceRetried(String repository, Digest digest, long size, Supplier<InputStream> content) {
        retrier.run(attempt -> {
            uploadOnce(repository, digest, size, content);
            return true;
        }, (last, attempts, waitTooLong) -> last);
    }

    private void uploadOnce(String repository, Digest digest, long size, Supplier<InputStream> content) {
        RegistryRequest open = RegistryRequest.of("POST", "/v2/" + repository + "/blobs/uploads/", "blob upload",
                repository + "@" + digest).body(new byte[0]);
        RegistryResponse opened = transport.send(open);
        expectStatus(opened, open, 202);
        URI upload = RedirectingTransport.resolve(opened, opened.header("Location").orElseThrow(
                () -> BadContentException.of(registry(), "registry " + registry() + " opened an upload without a"
                        + " Location", 202)), registry());
        URI target = URI.create(upload + (upload.getRawQuery() == null ? "?" : "&") + "digest=" + digest);
        // Opened before sending, so that a failure to read the source surfaces as itself, not as a network error.
        InputStream source = content.get();
        try (source) {
            RegistryRequest put = RegistryRequest.of("PUT", target, "blob upload", repository + "@" + digest)
                    .header("Content-Type", "application/octet-stream")
                    .streamBody(() -> source, size)
                    .once();
            RegistryResponse done = transport.send(put);
            expectStatus(done, put, 201);
        } catch (IOException e) {
            throw new MultiarchException("closing the upload source of " + digest + " failed: " + e.getMessage(), e);
        }
    }

    private long blobSize(String repository, Digest digest) {
        RegistryRequest request = RegistryRequest.of("HEAD", "/v2/" + repository + "/blobs/" + digest, "blob",
                repository + "@" + digest);
        RegistryResponse response = transport.send(request);
        expectStatus(response, request, 200);
        return response.headers().firstValueAsLong("Content-Length").orElse(-1);
    }

    private void cancelUpload(RegistryResponse response, String location, String what) {
        try {
            URI upload = RedirectingTransport.resolve(response, location, registry());
            transport.send(RegistryRequest.of("DELETE", upload, "blob upload", what).once()).close();
        } catch (RegistryException ignored) {
            // an abandoned upload session expires on its own
        }
    }

    /**
     * Runs a read of {@code digest}; while it answers 404 and the digest is one this client knows exists, waits
     * (backoff, through the sleeper) and reads again, until the waits would pass the policy's {@code notFoundLag}.
     */
    private <T> T waitingOutLag(Digest digest, Supplier<T> read) {
        Duration waited = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (NotFoundException e) {
                Duration delay = policy.delayBefore(attempt, Optional.empty());
                if (!known.contains(digest) || attempt >= policy.maxAttempts()
                        || waited.plus(delay).compareTo(policy.notFoundLag()) > 0) {
                    if (attempt == 1) {
                        throw e;
                    }
                    throw NotFoundException.of(registry(), e.getMessage() + " (still missing after " + attempt
                            + " attempts over " + Durations.text(waited) + ", waiting for the registry to serve"
                            + " content it had accepted)", e.errors());
                }
                pause(delay, "ask again for " + digest);
                waited = waited.plus(delay);
            }
        }
    }

    /** The digests a manifest refers to (children of an index; config and layers of an image) are known to exist. */
    private void rememberReferences(ManifestResponse response) {
        known.add(response.digest());
        try {
            Manifest manifest = ManifestCodec.parse(response.bytes(), response.mediaType());
            if (manifest instanceof ImageManifest image) {
                known.add(image.config().digest());
                image.layers().forEach(layer -> known.add(layer.digest()));
            } else if (manifest instanceof ManifestIndex index) {
                index.manifests().forEach(child -> known.add(child.digest()));
            }
        } catch (MultiarchException e) {
            // what cannot be parsed here fails where it is used, with its own message
        }
    }

    private void pause(Duration delay, String what) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            throw CancelledException.of("while waiting to " + what, e);
        }
    }

    /** A digest the registry sent: malformed is the registry's fault, not the user's input. */
    private Digest registryDigest(String text) {
        try {
            return Digest.parse(text);
        } catch (InvalidInputException e) {
            throw BadContentException.of(registry(), "registry " + registry() + " sent a malformed digest: "
                    + e.getMessage(), 200);
        }
    }

    /** {@code repo:tag} or {@code repo@sha256:...}, as people write references. */
    private static String name(String repository, String reference) {
        return repository + (reference.contains(":") ? "@" : ":") + reference;
    }

    private void expectStatus(RegistryResponse response, RegistryRequest request, int... expected) {
        for (int status : expected) {
            if (response.status() == status) {
                return;
            }
        }
        byte[] body = response.bytes();
        response.close();
        throw failure(response.status(), body, request);
    }

    /** An answer that is not what the operation needs, as a typed error naming the registry and the request. */
    private RegistryException failure(int status, byte[] body, RegistryRequest request) {
        List<RegistryError> errors = RegistryErrors.parse(body);
        String text = RegistryErrors.text(errors);
        if (status == 404) {
            return NotFoundException.of(registry(), request.kind() + " " + registry() + "/" + request.what()
                    + " was not found (HTTP 404" + (text.isEmpty() ? "" : ": " + text) + "); check the repository name"
                    + " and " + (request.what().contains("@") ? "digest" : "tag"), errors);
        }
        return RegistryException.of(RegistryException.builder(registry(), "registry " + registry() + " answered "
                + request.method() + " " + request.what() + " with HTTP " + status + (text.isEmpty() ? "" : ": " + text))
                .status(status).errors(errors).retryable(RetryPolicy.isRetryableStatus(status)));
    }

    /** Settings for a client. */
    public static final class Builder {
        private final String registry;
        private RegistrySettings settings = RegistrySettings.DEFAULT;
        private CredentialProvider credentials = CredentialProvider.none();
        private HttpClient httpClient;
        private SharedHttpClient shared;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();

        private Builder(String registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        public Builder settings(RegistrySettings value) {
            this.settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /** Registries ({@code host[:port]}) to reach over plain HTTP; loopback registries always are. */
        public Builder insecureRegistries(Set<String> hosts) {
            this.settings = settings.withInsecureRegistries(hosts);
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.settings = settings.withRetryPolicy(policy);
            return this;
        }

        public Builder credentials(CredentialProvider provider) {
            this.credentials = Objects.requireNonNull(provider);
            return this;
        }

        /** A shared HttpClient (it must not follow redirects itself); by default one of the client's own. */
        public Builder httpClient(HttpClient client) {
            this.httpClient = client;
            return this;
        }

        /**
         * The process's shared resources for this registry (see {@code HttpClientPool}): its client, and the limit of
         * its requests in flight, which this client's requests then count against.
         */
        public Builder sharedHttp(SharedHttpClient value) {
            this.shared = Objects.requireNonNull(value, "shared");
            return this;
        }

        /** The clock token lifetimes and retry limits are measured with; tests move it instead of sleeping. */
        public Builder clock(Clock newClock) {
            this.clock = Objects.requireNonNull(newClock);
            return this;
        }

        /** How retries wait; tests record the waits instead of sleeping. */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value);
            return this;
        }

        public RegistryClient build() {
            return new RegistryClient(this);
        }
    }
}
