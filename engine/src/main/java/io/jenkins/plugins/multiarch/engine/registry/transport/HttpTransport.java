package io.jenkins.plugins.multiarch.engine.registry.transport;

import io.jenkins.plugins.multiarch.engine.error.BadContentException;
import io.jenkins.plugins.multiarch.engine.error.CancelledException;
import io.jenkins.plugins.multiarch.engine.error.RegistryUnreachableException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;

/**
 * The bottom layer: one HTTP exchange on the JDK's {@link HttpClient}, with a deadline for the headers and one for
 * the body (see {@link Timeouts}), bodies read into memory only up to the request's limit, streamed bodies watched
 * for stalls. Interrupting the calling thread cancels the exchange.
 */
public final class HttpTransport implements Transport {

    private final HttpClient http;
    private final RegistryEndpoint endpoint;
    private final Timeouts timeouts;

    /** @param http a client that does not follow redirects itself (the redirect layer decides where credentials go) */
    public HttpTransport(HttpClient http, RegistryEndpoint endpoint, Timeouts timeouts) {
        this.http = Objects.requireNonNull(http, "http");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
    }

    @Override
    public RegistryResponse send(RegistryRequest request) {
        Duration headerLimit = request.uploadsStream() ? timeouts.stream() : timeouts.response();
        HttpRequest httpRequest = build(request, headerLimit);
        long start = System.nanoTime();
        if (request.bodyMode() == BodyMode.DISCARD) {
            HttpResponse<Void> response = exchange(request, httpRequest, HttpResponse.BodyHandlers.discarding(),
                    headerLimit, () -> { });
            return RegistryResponse.empty(response.statusCode(), response.headers(), response.request().uri());
        }
        AbandonableBody handler = new AbandonableBody();
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = exchange(request, httpRequest, handler, headerLimit,
                handler::abandon);
        if (request.bodyMode() == BodyMode.STREAM) {
            BodyStream body = new BodyStream(timeouts.idle(), timeouts.stream(), describe(request));
            response.body().subscribe(body);
            return RegistryResponse.ofStream(response.statusCode(), response.headers(), response.request().uri(), body);
        }
        // In memory: the whole body within what is left of the response deadline.
        Duration left = timeouts.response().minusNanos(System.nanoTime() - start);
        BodyStream body = new BodyStream(timeouts.response(), left.isNegative() ? Duration.ofMillis(1) : left,
                timeouts.response(), describe(request));
        response.body().subscribe(body);
        byte[] bytes;
        try {
            bytes = body.readAtMost(request.maxBodyBytes());
        } catch (IOException e) {
            body.close();
            if (Thread.currentThread().isInterrupted()) {
                throw new CancelledException("interrupted during " + request.method() + " " + request.what(), e);
            }
            throw unreachable(endpoint.registry(), request, 1, e);
        }
        if (bytes == null) {
            throw BadContentException.of(endpoint.registry(), "registry " + endpoint.registry() + " answered "
                    + request.method() + " " + request.what() + " with more than " + bytesText(request.maxBodyBytes())
                    + ", the most this client reads for a " + request.kind() + "; refusing it", response.statusCode());
        }
        return RegistryResponse.ofBytes(response.statusCode(), response.headers(), response.request().uri(), bytes);
    }

    /** @param abandon run when the wait ends without the answer: its body, should it come, is then nobody's */
    private <T> HttpResponse<T> exchange(RegistryRequest request, HttpRequest httpRequest,
                                         HttpResponse.BodyHandler<T> handler, Duration limit, Runnable abandon) {
        CompletableFuture<HttpResponse<T>> future = http.sendAsync(httpRequest, handler);
        try {
            return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            abandon.run();
            throw unreachable(endpoint.registry(), request, 1,
                    new HttpTimeoutException("no complete answer within " + Durations.text(limit)));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                // The JDK's own timeout (the same limit) may fire first: say which limit it was either way.
                throw unreachable(endpoint.registry(), request, 1,
                        new HttpTimeoutException("no complete answer within " + Durations.text(limit)));
            }
            if (cause instanceof IOException io) {
                throw unreachable(endpoint.registry(), request, 1, io);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw unreachable(endpoint.registry(), request, 1, new IOException(cause));
        } catch (InterruptedException e) {
            future.cancel(true);
            abandon.run();
            throw CancelledException.of("during " + request.method() + " " + request.what(), e);
        }
    }

    private HttpRequest build(RegistryRequest request, Duration headerLimit) {
        HttpRequest.BodyPublisher publisher;
        if (request.bytesBody() != null) {
            publisher = HttpRequest.BodyPublishers.ofByteArray(request.bytesBody());
        } else if (request.streamBody() != null) {
            HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(request.streamBody());
            publisher = request.streamLength() >= 0
                    ? HttpRequest.BodyPublishers.fromPublisher(stream, request.streamLength()) : stream;
        } else {
            publisher = HttpRequest.BodyPublishers.noBody();
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri(endpoint))
                .method(request.method(), publisher)
                .header("User-Agent", "multiarch-image")
                .timeout(headerLimit);
        request.headers().forEach(builder::header);
        return builder.build();
    }

    /**
     * No usable answer: {@code cannot reach registry R (GET team/app:1, 2 attempts): ConnectException: ...}. A TLS
     * certificate that is not trusted (unknown CA, or issued for another host name) is not worth retrying;
     * everything else may work a moment later.
     */
    public static RegistryUnreachableException unreachable(String registry, RegistryRequest request, int attempts,
                                                           Throwable cause) {
        String message = "cannot reach registry " + registry + " (" + request.method() + " " + request.what() + ", "
                + attempts + (attempts == 1 ? " attempt" : " attempts") + "): " + describe(cause);
        if (isCertificateRefused(cause)) {
            return RegistryUnreachableException.certificateNotTrusted(registry, message + "; the registry's TLS"
                    + " certificate is not trusted: add the certificate of the CA that issued it (PEM) to the TLS"
                    + " trust of the registry settings", cause);
        }
        return RegistryUnreachableException.of(registry, message, true, cause);
    }

    /** A handshake that failed on the certificate (PKIX path, host name), anywhere in the cause chain. */
    static boolean isCertificateRefused(Throwable cause) {
        boolean handshake = false;
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            handshake |= t instanceof SSLHandshakeException;
            if (handshake && (t instanceof java.security.cert.CertificateException
                    || String.valueOf(t.getMessage()).contains("PKIX"))) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** {@code manifest team/app:1}, {@code token from https://auth...}: what a body message names. */
    private static String describe(RegistryRequest request) {
        return request.what().startsWith(request.kind()) ? request.what() : request.kind() + " " + request.what();
    }

    private static String bytesText(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
    }
}
