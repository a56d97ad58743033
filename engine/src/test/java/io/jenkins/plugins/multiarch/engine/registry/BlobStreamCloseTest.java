package io.jenkins.plugins.multiarch.engine.registry;

import io.jenkins.plugins.multiarch.testkit.FaultCase;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.multiarch.engine.reference.Digest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The binary check closes a layer's stream as soon as it has the header it needs. That must not download the rest of
 * the blob: the JDK's HttpClient cancels the exchange and drops the connection on {@code close()} rather than draining
 * it. A registry stand-in serves a 1 GiB blob and counts how much it got to send.
 */
class BlobStreamCloseTest {

    private static final long BLOB_SIZE = 1L << 30;
    private static final Digest DIGEST = Digest.parse("sha256:" + "ab".repeat(32));

    @Test
    @FaultCase(area = "bodies", fault = "a large layer stream closed early",
            outcome = "the transfer stops: only socket buffers more arrive (constant memory)")
    void closingABlobStreamEarlyStopsTheTransfer() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Long> sent = CompletableFuture.supplyAsync(() -> serve(listener));
            RegistryClient client = RegistryClient.builder("127.0.0.1:" + listener.getLocalPort()).build();

            try (InputStream blob = client.openBlob("app", DIGEST)) {
                assertThat(blob.readNBytes(1 << 20)).hasSize(1 << 20);
            }

            long bytesSent = sent.get(60, TimeUnit.SECONDS);
            // What the client read, plus what fit into the socket buffers before the connection was dropped.
            assertThat(bytesSent).isGreaterThanOrEqualTo(1 << 20).isLessThan(64L << 20);
        }
    }

    /** Answers the ping, then streams the blob until the client goes away; returns the body bytes written. */
    private static long serve(ServerSocket listener) {
        while (true) {
            try (Socket socket = listener.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                OutputStream out = socket.getOutputStream();
                for (String requestLine = in.readLine(); requestLine != null; requestLine = in.readLine()) {
                    for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                        // headers are not needed
                    }
                    if (requestLine.startsWith("GET /v2/ ")) {
                        out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    } else {
                        return streamBlob(out);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("the stand-in registry failed", e);
            }
        }
    }

    private static long streamBlob(OutputStream out) {
        long written = 0;
        try {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + BLOB_SIZE
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            while (written < BLOB_SIZE) {
                out.write(chunk);
                written += chunk.length;
            }
        } catch (IOException expected) {
            // the client closed the connection
        }
        return written;
    }
}
