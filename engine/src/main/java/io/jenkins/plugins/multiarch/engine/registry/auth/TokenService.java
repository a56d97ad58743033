package io.jenkins.plugins.multiarch.engine.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.multiarch.engine.registry.AuthenticationException;
import io.jenkins.plugins.multiarch.engine.registry.RegistryEndpoint;
import io.jenkins.plugins.multiarch.engine.registry.RegistryException;
import io.jenkins.plugins.multiarch.engine.registry.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * Gets bearer tokens from a registry's token service, as the Distribution token authentication spec describes:
 * GET the realm with {@code service} and one {@code scope} per repository, Basic credentials when we have them;
 * or, for an identity token from {@code docker login}, the OAuth2 refresh-token grant (POST).
 */
public final class TokenService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);
    private static final String CLIENT_ID = "multiarch-image";

    private final HttpClient http;
    private final String registry;
    private final RegistryEndpoint endpoint;
    private final RetryPolicy retryPolicy;
    private final Clock clock;

    public TokenService(HttpClient http, String registry, RegistryEndpoint endpoint, RetryPolicy retryPolicy, Clock clock) {
        this.http = http;
        this.registry = registry;
        this.endpoint = endpoint;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
    }

    /** A token for these scopes (e.g. {@code repository:team/app:pull,push}). */
    public BearerToken fetch(AuthChallenge challenge, Optional<Credentials> credentials, Collection<String> scopes) {
        String realm = challenge.parameter("realm").orElseThrow(() -> new RegistryException(
                "registry " + registry + " asked for a bearer token but named no realm to get it from", 401));
        String service = challenge.parameter("service").orElse(null);
        URI realmUri;
        try {
            realmUri = URI.create(realm);
        } catch (IllegalArgumentException e) {
            throw new RegistryException("registry " + registry + " named an unusable token realm '" + realm + "'", 401);
        }
        if (credentials.isPresent() && !endpoint.isPlainHttp() && !"https".equals(realmUri.getScheme())) {
            throw new AuthenticationException("registry " + registry + " sends logins to a token service over plain"
                    + " HTTP (" + realm + "); refusing to send the credentials there", 401);
        }
        HttpRequest request;
        if (credentials.isPresent() && credentials.get().isIdentityToken()) {
            StringBuilder form = new StringBuilder("grant_type=refresh_token&client_id=").append(CLIENT_ID)
                    .append("&refresh_token=").append(encode(credentials.get().secret()));
            if (service != null) {
                form.append("&service=").append(encode(service));
            }
            form.append("&scope=").append(encode(String.join(" ", scopes)));
            request = HttpRequest.newBuilder(URI.create(realm))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                    .build();
        } else {
            StringBuilder query = new StringBuilder();
            if (service != null) {
                query.append("service=").append(encode(service));
            }
            for (String scope : scopes) {
                query.append(query.length() == 0 ? "" : "&").append("scope=").append(encode(scope));
            }
            URI uri = URI.create(realm + (query.length() == 0 ? "" : (realm.contains("?") ? "&" : "?") + query));
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
            credentials.ifPresent(c -> builder.header("Authorization", c.basicHeader()));
            request = builder.build();
        }
        HttpResponse<byte[]> response = sendWithRetries(request, realm);
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new AuthenticationException(credentials
                    .map(c -> "authentication failed for registry " + registry + ": its token service (" + realm
                            + ") refused user '" + c.username() + "' (HTTP " + status + "); check the username and password")
                    .orElse("registry " + registry + " requires authentication and no credentials were given for it:"
                            + " pass --username with --password-stdin, or log in with docker login " + registry), status);
        }
        if (status != 200) {
            throw new RegistryException("the token service of registry " + registry + " (" + realm + ") answered HTTP "
                    + status, status);
        }
        return parse(response.body(), realm);
    }

    /** Token services throttle and fail like registries do: the same retry rules. */
    private HttpResponse<byte[]> sendWithRetries(HttpRequest request, String realm) {
        Instant start = clock.instant();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                Duration delay = retryPolicy.delayBefore(attempt, Optional.empty());
                if (!RetryPolicy.isRetryableStatus(response.statusCode()) || !mayRetry(attempt, start, delay)) {
                    return response;
                }
                sleep(delay, realm);
            } catch (IOException e) {
                Duration delay = retryPolicy.delayBefore(attempt, Optional.empty());
                if (!mayRetry(attempt, start, delay)) {
                    throw new RegistryException("cannot reach the token service of registry " + registry + " at "
                            + realm + ": " + e.getMessage(), e);
                }
                sleep(delay, realm);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryException("interrupted while getting a token from " + realm, e);
            }
        }
    }

    private boolean mayRetry(int attempt, Instant start, Duration delay) {
        return retryPolicy.allowsAnother(attempt, Duration.between(start, clock.instant()), delay);
    }

    private static void sleep(Duration delay, String realm) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted while getting a token from " + realm, e);
        }
    }

    private BearerToken parse(byte[] body, String realm) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new RegistryException("the token service " + realm + " answered with something that is not JSON", 200);
        }
        String token = root.path("token").asText("");
        if (token.isEmpty()) {
            token = root.path("access_token").asText("");
        }
        if (token.isEmpty()) {
            throw new RegistryException("the token service " + realm + " answered without a token", 200);
        }
        long expiresIn = root.path("expires_in").asLong(DEFAULT_LIFETIME.toSeconds());
        if (expiresIn <= 0) {
            expiresIn = DEFAULT_LIFETIME.toSeconds();
        }
        return new BearerToken(token, clock.instant().plusSeconds(expiresIn));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
