package io.jenkins.plugins.multiarch.testkit;

/**
 * One request that reached the {@link FaultInjectingProxy}.
 *
 * @param method the HTTP method
 * @param path the raw path, without the query
 * @param query the raw query, or {@code null}
 * @param status the status the client got, or {@link #DROPPED} if the proxy closed the connection instead
 * @param injected whether the proxy made the answer up instead of forwarding the request
 * @param authorized whether the request carried an {@code Authorization} header
 */
public record ProxiedRequest(String method, String path, String query, int status, boolean injected,
                             boolean authorized) {

    /** The {@link #status()} of a request whose connection was dropped. */
    public static final int DROPPED = 0;

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query) + " -> "
                + (status == DROPPED ? "dropped" : String.valueOf(status)) + (injected ? " (injected)" : "");
    }
}
