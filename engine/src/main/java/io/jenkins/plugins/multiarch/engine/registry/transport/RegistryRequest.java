package io.jenkins.plugins.multiarch.engine.registry.transport;

import java.io.InputStream;
import java.net.URI;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * One registry request, described so that every layer can rebuild it: for a retry, a redirect, or with a fresh
 * token. Immutable; the {@code with...} methods return changed copies.
 */
public final class RegistryRequest {

    /** What a manifest, token answer or config may weigh at most, unless a request says otherwise. */
    public static final long DEFAULT_MAX_BYTES = 4L * 1024 * 1024;

    private final String method;
    private final String path;   // relative to the registry's base URI; null when absolute is set
    private final URI absolute;
    private final String kind;   // manifest, blob, blob upload, ping, token: counted by kind
    private final String what;   // for messages: team/app:1.0, team/app@sha256:...
    private final Map<String, String> headers;
    private final byte[] body;
    private final Supplier<InputStream> streamBody;
    private final long streamLength;
    private final boolean anonymous;
    private final boolean once;
    private final BodyMode bodyMode;
    private final long maxBodyBytes;
    private final boolean followRedirects;
    private final boolean spareConnectionOnly;

    private RegistryRequest(String method, String path, URI absolute, String kind, String what,
                            Map<String, String> headers, byte[] body, Supplier<InputStream> streamBody,
                            long streamLength, boolean anonymous, boolean once, BodyMode bodyMode, long maxBodyBytes,
                            boolean followRedirects, boolean spareConnectionOnly) {
        this.method = Objects.requireNonNull(method, "method");
        this.path = path;
        this.absolute = absolute;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.what = Objects.requireNonNull(what, "what");
        this.headers = Collections.unmodifiableMap(new TreeMap<>(headers));
        this.body = body;
        this.streamBody = streamBody;
        this.streamLength = streamLength;
        this.anonymous = anonymous;
        this.once = once;
        this.bodyMode = bodyMode;
        this.maxBodyBytes = maxBodyBytes;
        this.followRedirects = followRedirects;
        this.spareConnectionOnly = spareConnectionOnly;
    }

    /** A request for a path of the registry API, e.g. {@code /v2/team/app/manifests/1.0}. */
    public static RegistryRequest of(String method, String path, String kind, String what) {
        return new RegistryRequest(method, path, null, kind, what, Map.of(), null, null, -1, false, false,
                "HEAD".equals(method) ? BodyMode.DISCARD : BodyMode.BYTES, DEFAULT_MAX_BYTES, false, false);
    }

    /** A request for an absolute URL: an upload session, a redirect target, a token realm. */
    public static RegistryRequest of(String method, URI uri, String kind, String what) {
        return new RegistryRequest(method, null, uri, kind, what, Map.of(), null, null, -1, false, false,
                "HEAD".equals(method) ? BodyMode.DISCARD : BodyMode.BYTES, DEFAULT_MAX_BYTES, false, false);
    }

    private RegistryRequest copy(URI newAbsolute, String newPath, Map<String, String> newHeaders, byte[] newBody,
                                 Supplier<InputStream> newStream, long newLength, boolean newAnonymous, boolean newOnce,
                                 BodyMode newMode, long newMax, boolean newFollow) {
        return new RegistryRequest(method, newPath, newAbsolute, kind, what, newHeaders, newBody, newStream, newLength,
                newAnonymous, newOnce, newMode, newMax, newFollow, spareConnectionOnly);
    }

    public RegistryRequest header(String name, String value) {
        Map<String, String> changed = new TreeMap<>(headers);
        changed.put(name, value);
        return copy(absolute, path, changed, body, streamBody, streamLength, anonymous, once, bodyMode, maxBodyBytes,
                followRedirects);
    }

    public RegistryRequest body(byte[] content) {
        return copy(absolute, path, headers, content, null, -1, anonymous, once, bodyMode, maxBodyBytes,
                followRedirects);
    }

    /** A body streamed from {@code content} (opened once per send), of {@code length} bytes or -1 if unknown. */
    public RegistryRequest streamBody(Supplier<InputStream> content, long length) {
        return copy(absolute, path, headers, null, content, length, anonymous, once, bodyMode, maxBodyBytes,
                followRedirects);
    }

    /** Sent without credentials: to another host, or the ping that asks which scheme the registry wants. */
    public RegistryRequest anonymous(boolean value) {
        return copy(absolute, path, headers, body, streamBody, streamLength, value, once, bodyMode, maxBodyBytes,
                followRedirects);
    }

    /** Not retried by the transport: the caller starts over from an earlier request instead (uploads). */
    public RegistryRequest once() {
        return copy(absolute, path, headers, body, streamBody, streamLength, anonymous, true, bodyMode, maxBodyBytes,
                followRedirects);
    }

    /** The response body as a stream, not read into memory. */
    public RegistryRequest streamed() {
        return copy(absolute, path, headers, body, streamBody, streamLength, anonymous, once, BodyMode.STREAM,
                maxBodyBytes, followRedirects);
    }

    /** A body read into memory may have at most this many bytes; more fails the request, naming the limit. */
    public RegistryRequest maxBodyBytes(long limit) {
        return copy(absolute, path, headers, body, streamBody, streamLength, anonymous, once, bodyMode, limit,
                followRedirects);
    }

    /** Redirects are followed (blob downloads go to storage); otherwise a 3xx is the answer. */
    public RegistryRequest followRedirects() {
        return copy(absolute, path, headers, body, streamBody, streamLength, anonymous, once, bodyMode, maxBodyBytes,
                true);
    }

    /**
     * Sent only on a spare connection ({@link ConnectionPermits}: one that leaves another free under the registry's
     * limit, and over TLS in a client's first operation one already open and idle), else refused at once with
     * {@link NoSpareConnectionException}: for what is sent ahead of need and then held open (see
     * {@code BlobPrefetch}), which must never take the last connection that the requests it waits for need.
     */
    public RegistryRequest onlyOnSpareConnection() {
        return new RegistryRequest(method, path, absolute, kind, what, headers, body, streamBody, streamLength, anonymous,
                once, bodyMode, maxBodyBytes, followRedirects, true);
    }

    /** The same request sent to {@code uri}: where a redirect points. */
    public RegistryRequest redirectedTo(URI uri) {
        return copy(uri, null, headers, body, streamBody, streamLength, anonymous, once, bodyMode, maxBodyBytes,
                followRedirects);
    }

    public String method() {
        return method;
    }

    public String kind() {
        return kind;
    }

    /** What the request is about, as messages name it, e.g. {@code team/app:1.0}. */
    public String what() {
        return what;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public byte[] bytesBody() {
        return body;
    }

    public Supplier<InputStream> streamBody() {
        return streamBody;
    }

    public long streamLength() {
        return streamLength;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    public boolean isOnce() {
        return once;
    }

    public BodyMode bodyMode() {
        return bodyMode;
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    public boolean followsRedirects() {
        return followRedirects;
    }

    public boolean isSpareConnectionOnly() {
        return spareConnectionOnly;
    }

    /** True when the request streams its body up (an upload), which gets the longer stream timeout. */
    public boolean uploadsStream() {
        return streamBody != null;
    }

    public URI uri(RegistryEndpoint endpoint) {
        return absolute != null ? absolute : endpoint.resolve(path);
    }

    /** {@code GET manifest team/app:1.0}, for logs. */
    @Override
    public String toString() {
        return method + " " + kind + " " + what;
    }
}
