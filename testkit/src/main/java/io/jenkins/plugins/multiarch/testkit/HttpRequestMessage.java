package io.jenkins.plugins.multiarch.testkit;

import java.util.List;

/**
 * An HTTP/1.1 request as read off the wire, body de-chunked.
 *
 * @param target the raw request target, {@code /path?query}
 */
record HttpRequestMessage(String method, String target, String version, List<HttpField> headers, byte[] body) {

    /** The raw path, without the query. */
    String path() {
        int question = target.indexOf('?');
        return question < 0 ? target : target.substring(0, question);
    }

    /** The raw query, or {@code null}. */
    String query() {
        int question = target.indexOf('?');
        return question < 0 ? null : target.substring(question + 1);
    }

    /** The first value of a header, or {@code null}. */
    String header(String name) {
        return headers.stream().filter(field -> field.is(name)).map(HttpField::value).findFirst().orElse(null);
    }

    /** Whether the client asked to close the connection after this exchange. */
    boolean wantsClose() {
        String connection = header("Connection");
        if ("HTTP/1.0".equals(version)) {
            return connection == null || !connection.equalsIgnoreCase("keep-alive");
        }
        return connection != null && connection.equalsIgnoreCase("close");
    }
}
