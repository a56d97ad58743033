package io.jenkins.plugins.multiarch.testkit;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The proxy's connection to the registry on behalf of one client connection, so the registry sees the same
 * connections (and keep-alive) as the client made. Not thread-safe: one client connection sends one request at a time.
 */
final class UpstreamConnection implements AutoCloseable {

    private static final int READ_TIMEOUT_MILLIS = 120_000;

    private final InetSocketAddress registry;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean reused;

    UpstreamConnection(InetSocketAddress registry) {
        this.registry = registry;
    }

    /** Sends {@code request} and reads the registry's response. */
    HttpResponseMessage exchange(HttpRequestMessage request) throws IOException {
        if (socket == null) {
            open();
        }
        HttpResponseMessage response = send(request);
        if (response == null && reused) {
            // The registry had closed the idle kept-alive connection before this request: one fresh try.
            close();
            open();
            response = send(request);
        }
        if (response == null) {
            close();
            throw new EOFException("the registry closed the connection without a response");
        }
        reused = true;
        if ("close".equalsIgnoreCase(response.header("Connection"))) {
            close();
        }
        return response;
    }

    /** The response, or {@code null} if a kept-alive connection turned out to be closed before any answer. */
    private HttpResponseMessage send(HttpRequestMessage request) throws IOException {
        try {
            Http1Codec.writeRequest(out, request);
        } catch (IOException e) {
            if (reused) {
                return null;
            }
            close();
            throw e;
        }
        try {
            return Http1Codec.readResponse(in, request.method());
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        socket = new Socket(registry.getAddress(), registry.getPort());
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        in = new BufferedInputStream(socket.getInputStream());
        out = new BufferedOutputStream(socket.getOutputStream());
        reused = false;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing anyway.
            }
            socket = null;
        }
    }
}
