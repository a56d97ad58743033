package io.jenkins.plugins.multiarch.testkit;

import java.util.List;

/**
 * One request the {@link TokenIssuer} answered.
 *
 * @param username the Basic-auth username sent (also when it was rejected), or {@code null} for an anonymous request
 * @param service the {@code service} query parameter, or {@code null}
 * @param scopes every requested scope, in request order
 * @param status the HTTP status returned
 */
public record TokenRequest(String username, String service, List<String> scopes, int status) {
}
