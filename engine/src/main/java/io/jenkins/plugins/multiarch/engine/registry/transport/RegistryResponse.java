package io.jenkins.plugins.multiarch.engine.registry.transport;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Objects;
import java.util.Optional;

/**
 * An answer: status, headers, the URI it came from and, as the request asked, the body in memory or as a stream.
 * Close it when a streamed body is not read to the end; closing drops the connection rather than reading the rest.
 */
public final class RegistryResponse implements Closeable {

    private static final byte[] NONE = new byte[0];

    private final int status;
    private final HttpHeaders headers;
    private final URI uri;
    private final byte[] bytes;
    private final InputStream stream;

    private RegistryResponse(int status, HttpHeaders headers, URI uri, byte[] bytes, InputStream stream) {
        this.status = status;
        this.headers = Objects.requireNonNull(headers, "headers");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.bytes = bytes;
        this.stream = stream;
    }

    public static RegistryResponse ofBytes(int status, HttpHeaders headers, URI uri, byte[] body) {
        return new RegistryResponse(status, headers, uri, body, null);
    }

    public static RegistryResponse ofStream(int status, HttpHeaders headers, URI uri, InputStream body) {
        return new RegistryResponse(status, headers, uri, null, body);
    }

    public static RegistryResponse empty(int status, HttpHeaders headers, URI uri) {
        return new RegistryResponse(status, headers, uri, NONE, null);
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** Where the answer came from (after redirects, the last hop). */
    public URI uri() {
        return uri;
    }

    /** The body read into memory; empty for a discarded body. For a streamed body, reads at most 64 KiB of it. */
    public byte[] bytes() {
        if (bytes != null) {
            return bytes;
        }
        try (InputStream in = stream) {
            return in.readNBytes(64 * 1024);
        } catch (IOException e) {
            return NONE;
        }
    }

    /** True when the body is a stream the caller reads (and closes). */
    public boolean isStreamed() {
        return stream != null;
    }

    /** The same answer with its streamed body wrapped (a layer that watches the stream's end). */
    public RegistryResponse withStream(InputStream wrapped) {
        return new RegistryResponse(status, headers, uri, null, Objects.requireNonNull(wrapped, "wrapped"));
    }

    /** The streamed body; the caller closes it. */
    public InputStream stream() {
        if (stream == null) {
            throw new IllegalStateException("this response's body was not streamed");
        }
        return stream;
    }

    @Override
    public void close() {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // nothing more to read from it either way
            }
        }
    }
}
