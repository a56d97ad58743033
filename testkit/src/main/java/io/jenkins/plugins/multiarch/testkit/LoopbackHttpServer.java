package io.jenkins.plugins.multiarch.testkit;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A small HTTP/1.1 server on a free loopback port, for the rig's token issuer and proxy. Written on plain sockets
 * instead of the JDK's HttpServer for three reasons: that server sends a response's head and body in separate TCP
 * segments without TCP_NODELAY, which costs ~40 ms per request on Linux loopback (delayed ACK); it cannot drop a
 * connection on purpose; and it leaves a TLS handshake hanging, so containers/image clients ({@code --tls-verify=false}
 * tries HTTPS first) wait out a 10 s timeout. Like Go's server (the real registry's), this one answers a TLS
 * handshake with a 400 and closes.
 */
final class LoopbackHttpServer implements AutoCloseable {

    /** Answers the requests of one connection, in order; closed when the connection ends. */
    interface Handler extends AutoCloseable {

        /** The response, or {@link HttpResponseMessage#DROP} to close the connection without one. */
        HttpResponseMessage handle(HttpRequestMessage request) throws IOException;

        @Override
        default void close() {
        }
    }

    private static final int TLS_HANDSHAKE_RECORD = 0x16;
    private static final byte[] TLS_TO_PLAIN_HTTP_REPLY =
            "HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n"
                    .getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final Supplier<Handler> handlers;
    private final ExecutorService threads;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

    private LoopbackHttpServer(ServerSocket listener, Supplier<Handler> handlers, String threadName) {
        this.listener = listener;
        this.handlers = handlers;
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @param handlers makes one handler per connection */
    static LoopbackHttpServer start(String threadName, Supplier<Handler> handlers) {
        try {
            ServerSocket listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
            LoopbackHttpServer server = new LoopbackHttpServer(listener, handlers, threadName);
            server.threads.execute(server::acceptLoop);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback", e);
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Stops accepting and closes every open connection. */
    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        for (Socket connection : connections) {
            closeQuietly(connection);
        }
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket connection = listener.accept();
                connections.add(connection);
                threads.execute(() -> serve(connection));
            } catch (IOException e) {
                // The listener was closed.
            } catch (RuntimeException e) {
                // The thread pool was shut down while accepting.
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection; Handler handler = handlers.get()) {
            connection.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(connection.getInputStream());
            OutputStream out = new BufferedOutputStream(connection.getOutputStream());
            in.mark(1);
            if (in.read() == TLS_HANDSHAKE_RECORD) {
                out.write(TLS_TO_PLAIN_HTTP_REPLY);
                out.flush();
                return;
            }
            in.reset();
            while (true) {
                HttpRequestMessage request = Http1Codec.readRequest(in, out);
                if (request == null) {
                    return;
                }
                HttpResponseMessage response = handle(handler, request);
                if (response == HttpResponseMessage.DROP) {
                    return;
                }
                boolean close = request.wantsClose() || "close".equalsIgnoreCase(response.header("Connection"))
                        || response.writer() != null
                        || response.header(HttpResponseMessage.CUT_AFTER) != null;
                Http1Codec.writeResponse(out, response, request.method(), close);
                if (close) {
                    return;
                }
            }
        } catch (IOException e) {
            // The peer went away or sent something that is not HTTP: the connection ends.
        } finally {
            connections.remove(connection);
        }
    }

    private static HttpResponseMessage handle(Handler handler, HttpRequestMessage request) {
        try {
            return handler.handle(request);
        } catch (IOException | RuntimeException e) {
            return HttpResponseMessage.json(500, "{\"errors\":[{\"code\":\"UNKNOWN\",\"message\":\"test server failed: "
                    + e.getClass().getSimpleName() + "\"}]}", new HttpField("Connection", "close"));
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing anyway.
        }
    }
}
