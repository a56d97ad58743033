package io.jenkins.plugins.multiarch.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An HTTP/1.1 response, body de-chunked; or {@link #DROP}, the decision to close the connection without answering.
 * A response with a {@code writer} sends its body its own way (short, slowly, never ending...) and then closes the
 * connection.
 */
record HttpResponseMessage(int status, String reason, List<HttpField> headers, byte[] body, BodyWriter writer) {

    static final HttpResponseMessage DROP = new HttpResponseMessage(0, "", List.of(), new byte[0]);

    /** A header the server never sends: it sends only this many body bytes, then closes the connection. */
    static final String CUT_AFTER = "X-Rig-Cut-After";

    HttpResponseMessage(int status, String reason, List<HttpField> headers, byte[] body) {
        this(status, reason, headers, body, null);
    }

    /** The same head, the body sent by {@code bodyWriter} instead. */
    HttpResponseMessage withWriter(BodyWriter bodyWriter) {
        return new HttpResponseMessage(status, reason, headers, body, bodyWriter);
    }

    /** This response, sent with its full Content-Length but only the first {@code bytes} of its body. */
    HttpResponseMessage cutAfter(int bytes) {
        List<HttpField> changed = new ArrayList<>(headers);
        changed.add(new HttpField(CUT_AFTER, Integer.toString(bytes)));
        return new HttpResponseMessage(status, reason, changed, body, writer);
    }

    /** A JSON response with the standard reason phrase for {@code status}. */
    static HttpResponseMessage json(int status, String json, HttpField... extraHeaders) {
        List<HttpField> headers = new ArrayList<>(List.of(extraHeaders));
        headers.add(new HttpField("Content-Type", "application/json"));
        return new HttpResponseMessage(status, reasonFor(status), headers, json.getBytes(StandardCharsets.UTF_8));
    }

    /** The first value of a header, or {@code null}. */
    String header(String name) {
        return headers.stream().filter(field -> field.is(name)).map(HttpField::value).findFirst().orElse(null);
    }

    /** Standard reason phrases for the statuses the rig makes up itself. */
    static String reasonFor(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status " + status;
        };
    }
}
