package io.jenkins.plugins.multiarch.testkit;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads and writes HTTP/1.1 messages on a socket's streams. Bodies are read whole (chunked ones de-chunked) and
 * written with a Content-Length; header names keep their spelling; connection-level headers are not passed on.
 */
final class Http1Codec {

    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_HEADERS = 500;

    /** Headers that describe one connection or the framing of one message, never passed on by a proxy. */
    private static final Set<String> CONNECTION_LEVEL = Set.of("connection", "keep-alive", "proxy-connection", "te",
            "trailer", "upgrade", "transfer-encoding", "content-length", "expect",
            HttpResponseMessage.CUT_AFTER.toLowerCase(Locale.ROOT));

    private Http1Codec() {
    }

    /**
     * Reads one request, answering {@code Expect: 100-continue} on {@code out} before reading the body.
     *
     * @return {@code null} if the peer closed the connection before sending anything
     */
    static HttpRequestMessage readRequest(InputStream in, OutputStream out) throws IOException {
        String requestLine = readLine(in);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = readLine(in); // Stray blank lines before a request are allowed.
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x request line: " + abbreviate(requestLine));
        }
        List<HttpField> headers = readHeaders(in);
        if ("100-continue".equalsIgnoreCase(first(headers, "Expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        return new HttpRequestMessage(parts[0], parts[1], parts[2], headers, readBody(in, headers, false));
    }

    /**
     * Reads one response to a request made with {@code requestMethod}, skipping interim 1xx responses.
     *
     * @return {@code null} if the peer closed the connection before sending anything
     */
    static HttpResponseMessage readResponse(InputStream in, String requestMethod) throws IOException {
        while (true) {
            String statusLine = readLine(in);
            if (statusLine == null) {
                return null;
            }
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP/1.x status line: " + abbreviate(statusLine));
            }
            int status = Integer.parseInt(parts[1]);
            List<HttpField> headers = readHeaders(in);
            if (status >= 100 && status < 200) {
                continue;
            }
            byte[] body = hasNoBody(requestMethod, status) ? new byte[0] : readBody(in, headers, true);
            return new HttpResponseMessage(status, parts.length == 3 ? parts[2] : "", headers, body);
        }
    }

    /** Writes {@code request} as it came, Host included, re-framed with a Content-Length. */
    static void writeRequest(OutputStream out, HttpRequestMessage request) throws IOException {
        StringBuilder head = new StringBuilder()
                .append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
        appendEndToEndHeaders(head, request.headers());
        boolean hadBody = request.body().length > 0 || first(request.headers(), "Content-Length") != null
                || first(request.headers(), "Transfer-Encoding") != null;
        if (hadBody) {
            head.append("Content-Length: ").append(request.body().length).append("\r\n");
        }
        writeMessage(out, head, request.body());
    }

    /** Writes {@code response} to a request made with {@code requestMethod}, re-framed with a Content-Length. */
    static void writeResponse(OutputStream out, HttpResponseMessage response, String requestMethod, boolean close)
            throws IOException {
        StringBuilder head = new StringBuilder()
                .append("HTTP/1.1 ").append(response.status()).append(' ').append(response.reason()).append("\r\n");
        appendEndToEndHeaders(head, response.headers());
        byte[] body = response.body();
        if (response.writer() != null && !hasNoBody(requestMethod, response.status())) {
            head.append(response.writer().framingHeader()).append("\r\n").append("Connection: close\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            response.writer().write(out);
            out.flush();
            return;
        }
        if (hasNoBody(requestMethod, response.status())) {
            // A HEAD answer still tells the length of the body it leaves out.
            String length = response.header("Content-Length");
            if (length != null && response.status() != 204) {
                head.append("Content-Length: ").append(length).append("\r\n");
            }
            body = new byte[0];
        } else {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        if (close) {
            head.append("Connection: close\r\n");
        }
        String cut = response.header(HttpResponseMessage.CUT_AFTER);
        if (cut != null) {
            body = java.util.Arrays.copyOf(body, Math.min(body.length, Integer.parseInt(cut)));
        }
        writeMessage(out, head, body);
    }

    private static boolean hasNoBody(String requestMethod, int status) {
        return "HEAD".equalsIgnoreCase(requestMethod) || status == 204 || status == 304
                || (status >= 100 && status < 200);
    }

    private static void appendEndToEndHeaders(StringBuilder head, List<HttpField> headers) {
        for (HttpField field : headers) {
            if (!CONNECTION_LEVEL.contains(field.name().toLowerCase(Locale.ROOT))) {
                head.append(field.name()).append(": ").append(field.value()).append("\r\n");
            }
        }
    }

    /** Head and body in one buffer, one flush: small messages leave in one TCP segment. */
    private static void writeMessage(OutputStream out, StringBuilder head, byte[] body) throws IOException {
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] message = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, message, 0, headBytes.length);
        System.arraycopy(body, 0, message, headBytes.length, body.length);
        out.write(message);
        out.flush();
    }

    private static List<HttpField> readHeaders(InputStream in) throws IOException {
        List<HttpField> headers = new ArrayList<>();
        for (String line = readLine(in); ; line = readLine(in)) {
            if (line == null) {
                throw new EOFException("connection closed inside a message head");
            }
            if (line.isEmpty()) {
                return headers;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || headers.size() >= MAX_HEADERS) {
                throw new IOException("bad header line: " + abbreviate(line));
            }
            headers.add(new HttpField(line.substring(0, colon), line.substring(colon + 1).trim()));
        }
    }

    private static byte[] readBody(InputStream in, List<HttpField> headers, boolean untilEndOfStream)
            throws IOException {
        String transferEncoding = first(headers, "Transfer-Encoding");
        if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return readChunked(in);
        }
        String contentLength = first(headers, "Content-Length");
        if (contentLength != null) {
            return readExactly(in, Long.parseLong(contentLength.trim()));
        }
        return untilEndOfStream ? in.readAllBytes() : new byte[0];
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                throw new EOFException("connection closed inside a chunked body");
            }
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                for (String trailer = readLine(in); trailer != null && !trailer.isEmpty(); trailer = readLine(in)) {
                    // Trailers are dropped.
                }
                return body.toByteArray();
            }
            body.write(readExactly(in, size));
            readLine(in); // The CRLF after the chunk data.
        }
    }

    private static byte[] readExactly(InputStream in, long length) throws IOException {
        if (length > Integer.MAX_VALUE - 16) {
            throw new IOException("body too large for the test proxy: " + length + " bytes");
        }
        byte[] bytes = in.readNBytes((int) length);
        if (bytes.length != length) {
            throw new EOFException("connection closed after " + bytes.length + " of " + length + " body bytes");
        }
        return bytes;
    }

    /** A line without its CRLF (or bare LF), or {@code null} at end of stream before any byte. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); ; b = in.read()) {
            if (b < 0) {
                if (line.size() == 0) {
                    return null;
                }
                throw new EOFException("connection closed inside a line");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
    }

    private static String first(List<HttpField> headers, String name) {
        return headers.stream().filter(field -> field.is(name)).map(HttpField::value).findFirst().orElse(null);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
