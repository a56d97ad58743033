package io.jenkins.plugins.multiarch.engine.registry.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The connection limit's rules for what is sent ahead of need: it goes out only while it leaves a connection free, so
 * a stream held open for later can never take the last connection the requests before it wait for; and over TLS, in
 * the first operation on a client, only where a kept-alive connection is idle, since a new one costs a handshake.
 */
class ConnectionLimitingTransportTest {

    private static final URI BLOB = URI.create("http://registry.test/v2/team/app/blobs/sha256:00");
    private static final RegistryRequest AHEAD = RegistryRequest.of("GET", "/v2/team/app/blobs/sha256:00", "blob",
            "team/app@sha256:00").streamed().onlyOnSpareConnection();

    private final AtomicInteger sent = new AtomicInteger();
    private final Transport registry = request -> {
        sent.incrementAndGet();
        return RegistryResponse.ofStream(200, HttpHeaders.of(Map.of(), (a, b) -> true), BLOB,
                new ByteArrayInputStream(new byte[] {1, 2, 3}));
    };

    @Test
    void aRequestAheadTakesAConnectionOnlyWhileAnotherStaysFree() throws IOException {
        ConnectionPermits permits = new ConnectionPermits(3, true);
        Transport limited = limited(permits);

        RegistryResponse first = limited.send(AHEAD);
        RegistryResponse second = limited.send(AHEAD);
        assertThat(permits.inFlight()).isEqualTo(2);
        assertThatThrownBy(() -> limited.send(AHEAD)).isInstanceOf(NoSpareConnectionException.class)
                .hasMessageContaining("registry.test");
        assertThat(permits.inFlight()).as("a refused request takes nothing").isEqualTo(2);
        assertThat(sent.get()).isEqualTo(2);

        // What the held streams wait for still gets the last connection.
        RegistryResponse needed = limited.send(RegistryRequest.of("GET", "/v2/team/app/blobs/sha256:11", "blob",
                "team/app@sha256:11").streamed());
        assertThat(permits.inFlight()).isEqualTo(3);
        for (RegistryResponse response : List.of(first, second, needed)) {
            response.stream().close();
        }
        assertThat(permits.inFlight()).isZero();
    }

    @Test
    void overTlsTheFirstOperationSendsAheadOnlyOnAnIdleKeptAliveConnection() throws IOException {
        ConnectionPermits permits = new ConnectionPermits(8, false);
        permits.operationStarted();
        Transport limited = limited(permits);
        RegistryRequest needed = RegistryRequest.of("GET", "/v2/team/app/manifests/1", "manifest", "team/app:1")
                .streamed();

        // A fresh client: a request ahead would need a new connection, and a TLS handshake.
        assertThatThrownBy(() -> limited.send(AHEAD)).isInstanceOf(NoSpareConnectionException.class);
        // Two at once, then one: one kept-alive connection is idle.
        RegistryResponse a = limited.send(needed);
        RegistryResponse b = limited.send(needed);
        b.stream().close();
        RegistryResponse onIdle = limited.send(AHEAD);
        assertThat(permits.inFlight()).isEqualTo(2);
        assertThatThrownBy(() -> limited.send(AHEAD)).as("no idle connection left")
                .isInstanceOf(NoSpareConnectionException.class);

        // The next operation on the same client may add a connection: it stays alive for the ones after it.
        permits.operationStarted();
        RegistryResponse added = limited.send(AHEAD);
        assertThat(permits.inFlight()).isEqualTo(3);
        for (RegistryResponse response : List.of(a, onIdle, added)) {
            response.stream().close();
        }
        assertThat(sent.get()).isEqualTo(4);
    }

    @Test
    void aRefusedRequestIsNotCountedAsSent() {
        // Layered as RegistryClient layers them: the count is taken below the limit, where requests go out.
        RequestStatistics statistics = new RequestStatistics();
        Transport counted = new ConnectionLimitingTransport(new CountingTransport(registry, statistics),
                new ConnectionPermits(1, true), Duration.ofSeconds(5), "registry.test");

        assertThatThrownBy(() -> counted.send(AHEAD)).isInstanceOf(NoSpareConnectionException.class);
        assertThat(statistics.snapshot()).isEmpty();
        assertThat(sent.get()).isZero();
    }

    private Transport limited(ConnectionPermits permits) {
        return new ConnectionLimitingTransport(registry, permits, Duration.ofSeconds(5), "registry.test");
    }
}
