package io.jenkins.plugins.multiarch.engine.registry.auth;

import io.jenkins.plugins.multiarch.engine.util.Printable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.multiarch.engine.error.AccessDeniedException;
import io.jenkins.plugins.multiarch.engine.error.BadContentException;
import io.jenkins.plugins.multiarch.engine.error.RegistryException;
import io.jenkins.plugins.multiarch.engine.registry.transport.RegistryEndpoint;
import io.jenkins.plugins.multiarch.engine.registry.transport.RegistryErrors;
import io.jenkins.plugins.multiarch.engine.registry.transport.RegistryRequest;
import io.jenkins.plugins.multiarch.engine.registry.transport.RegistryResponse;
import io.jenkins.plugins.multiarch.engine.registry.transport.Transport;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * Gets bearer tokens from a registry's token service, as the Distribution token authentication spec describes:
 * GET the realm with {@code service} and one {@code scope} per repository, Basic credentials when we have them;
 * or, for an identity token from {@code docker login}, the OAuth2 refresh-token grant (POST). Token requests go
 * through the same retry layer as registry requests.
 */
public final class TokenService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);
    private static final String CLIENT_ID = "multiarch-image";
    /** A token answer is a small JSON object; anything bigger is not one. */
    static final long MAX_TOKEN_RESPONSE = 1024 * 1024;

    private final Transport transport;
    private final RegistryEndpoint endpoint;
    private final Clock clock;

    /** @param transport the layers below authentication (retries, counting, HTTP) */
    public TokenService(Transport transport, RegistryEndpoint endpoint, Clock clock) {
        this.transport = transport;
        this.endpoint = endpoint;
        this.clock = clock;
    }

    private String registry() {
        return endpoint.registry();
    }

    /** A token for these scopes (e.g. {@code repository:team/app:pull,push}). */
    BearerToken fetch(AuthChallenge challenge, Optional<Credentials> credentials, Collection<String> scopes) {
        String rawRealm = challenge.parameter("realm").orElseThrow(() -> BadContentException.of(registry(),
                "registry " + registry() + " asked for a bearer token but named no realm to get it from", 401));
        // The realm is the registry's text: printable in every message below.
        String realm = Printable.value(rawRealm);
        String service = challenge.parameter("service").orElse(null);
        URI realmUri;
        try {
            realmUri = URI.create(rawRealm);
        } catch (IllegalArgumentException e) {
            throw BadContentException.of(registry(), "registry " + registry() + " named an unusable token realm '"
                    + realm + "'", 401);
        }
        if (!realmUri.isAbsolute() || !("https".equals(realmUri.getScheme()) || "http".equals(realmUri.getScheme()))) {
            throw BadContentException.of(registry(), "registry " + registry() + " named the token realm '" + realm
                    + "', which is not an absolute http(s) URL; its token service cannot be reached (the registry's token"
                    + " authentication is misconfigured)", 401);
        }
        if (credentials.isPresent() && !endpoint.isPlainHttp() && !"https".equals(realmUri.getScheme())) {
            throw AccessDeniedException.of(registry(), "registry " + registry() + " sends logins to a token service"
                    + " over plain HTTP (" + realm + "); refusing to send the credentials there",
                    AccessDeniedException.Reason.NOT_PERMITTED, 401, java.util.List.of());
        }
        RegistryRequest request;
        String what = "token from " + realm;
        if (credentials.isPresent() && credentials.get().isIdentityToken()) {
            StringBuilder form = new StringBuilder("grant_type=refresh_token&client_id=").append(CLIENT_ID)
                    .append("&refresh_token=").append(encode(credentials.get().secret()));
            if (service != null) {
                form.append("&service=").append(encode(service));
            }
            form.append("&scope=").append(encode(String.join(" ", scopes)));
            request = RegistryRequest.of("POST", realmUri, "token", what)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .body(form.toString().getBytes(StandardCharsets.UTF_8));
        } else {
            StringBuilder query = new StringBuilder();
            if (service != null) {
                query.append("service=").append(encode(service));
            }
            for (String scope : scopes) {
                query.append(query.length() == 0 ? "" : "&").append("scope=").append(encode(scope));
            }
            URI uri = URI.create(rawRealm + (query.length() == 0 ? "" : (rawRealm.contains("?") ? "&" : "?") + query));
            request = RegistryRequest.of("GET", uri, "token", what);
            if (credentials.isPresent()) {
                request = request.header("Authorization", credentials.get().basicHeader());
            }
        }
        RegistryResponse response = transport.send(request.maxBodyBytes(MAX_TOKEN_RESPONSE));
        int status = response.status();
        if (status == 401 || status == 403) {
            throw credentials
                    .map(c -> AccessDeniedException.of(registry(), "authentication failed for registry " + registry()
                            + ": its token service (" + realm + ") refused user '" + c.username() + "' (HTTP " + status
                            + "); check the username and password", AccessDeniedException.Reason.CREDENTIALS_REFUSED,
                            status, RegistryErrors.parse(response.bytes())))
                    .orElseGet(() -> AccessDeniedException.of(registry(), "registry " + registry()
                            + " requires authentication and no credentials were given for it",
                            AccessDeniedException.Reason.NO_CREDENTIALS, status, RegistryErrors.parse(response.bytes())));
        }
        if (status != 200) {
            throw RegistryException.of(RegistryException.builder(registry(), "the token service of registry "
                    + registry() + " (" + realm + ") answered HTTP " + status).status(status)
                    .errors(RegistryErrors.parse(response.bytes())));
        }
        return parse(response.bytes(), realm);
    }

    private BearerToken parse(byte[] body, String realm) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            throw BadContentException.of(registry(), "the token service " + realm
                    + " answered with something that is not a JSON object", 200);
        }
        String token = root.path("token").asText("");
        if (token.isEmpty()) {
            token = root.path("access_token").asText("");
        }
        if (token.isEmpty()) {
            throw BadContentException.of(registry(), "the token service " + realm + " answered without a token", 200);
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
