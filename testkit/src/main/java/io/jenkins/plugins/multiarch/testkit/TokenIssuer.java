package io.jenkins.plugins.multiarch.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal Docker-style token server ({@code GET /token?service=...&scope=...}) for a token-auth test registry.
 * The one known user gets every action it asks for; a request without credentials gets a token with no access; wrong
 * credentials get 401. Every request is recorded so tests can check how often, and for what, a client asked.
 */
public final class TokenIssuer implements AutoCloseable {

    public static final String ISSUER = "multiarch-test-issuer";
    public static final String SERVICE = "multiarch-test-registry";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryCredentials user;
    private final TokenSigningKey signingKey;
    private final List<TokenRequest> requests = new CopyOnWriteArrayList<>();
    private volatile Duration tokenLifetime = Duration.ofMinutes(5);
    private LoopbackHttpServer server;

    private TokenIssuer(RegistryCredentials user, TokenSigningKey signingKey) {
        this.user = user;
        this.signingKey = signingKey;
    }

    /** Starts an issuer on a free loopback port that knows exactly one user. */
    public static TokenIssuer start(RegistryCredentials user) {
        TokenIssuer issuer = new TokenIssuer(user, TokenSigningKey.generate(ISSUER));
        issuer.server = LoopbackHttpServer.start("token-issuer", () -> issuer::handle);
        return issuer;
    }

    /** The URL registries send clients to ({@code auth.token.realm}). */
    public String realm() {
        return "http://127.0.0.1:" + server.port() + "/token";
    }

    public String service() {
        return SERVICE;
    }

    public String issuer() {
        return ISSUER;
    }

    /** The PEM certificate the registry must trust ({@code auth.token.rootcertbundle}). */
    public String certificatePem() {
        return signingKey.certificatePem();
    }

    /** How long issued tokens are valid; also the {@code expires_in} the issuer reports. Default five minutes. */
    public void tokenLifetime(Duration lifetime) {
        this.tokenLifetime = lifetime;
    }

    /** How many requests reached the issuer, whatever their outcome. */
    public int tokenRequests() {
        return requests.size();
    }

    /** Every request so far, oldest first. */
    public List<TokenRequest> requests() {
        return List.copyOf(requests);
    }

    /** Every scope asked for so far, in request order, repeats included. */
    public List<String> requestedScopes() {
        return requests.stream().flatMap(request -> request.scopes().stream()).toList();
    }

    /** Forgets the recorded requests, e.g. between tests that share one registry. */
    public void reset() {
        requests.clear();
    }

    @Override
    public void close() {
        server.close();
    }

    private HttpResponseMessage handle(HttpRequestMessage request) throws IOException {
        Map<String, List<String>> query = parseQuery(request.query());
        String service = query.getOrDefault("service", List.of()).stream().findFirst().orElse(null);
        // Clients send one scope per parameter, some several in one separated by spaces.
        List<String> scopes = query.getOrDefault("scope", List.of()).stream()
                .flatMap(scope -> List.of(scope.split(" ")).stream())
                .filter(scope -> !scope.isBlank())
                .toList();
        String authorization = request.header("Authorization");
        String username = authorization == null ? null : basicUsername(authorization);

        if (!"/token".equals(request.path())) {
            return respond(new TokenRequest(username, service, scopes, 404), Map.of("details", "not found"));
        }
        if (!"GET".equals(request.method())) {
            return respond(new TokenRequest(username, service, scopes, 405), Map.of("details", "only GET is supported"),
                    new HttpField("Allow", "GET"));
        }
        if (authorization != null && !isValidUser(authorization)) {
            return respond(new TokenRequest(username, service, scopes, 401),
                    Map.of("details", "incorrect username or password"),
                    new HttpField("WWW-Authenticate", "Basic realm=\"" + ISSUER + "\""));
        }
        boolean authenticated = authorization != null;
        String token = issue(authenticated ? username : null, service == null ? SERVICE : service,
                authenticated ? scopes : List.of());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", token);
        body.put("access_token", token);
        body.put("expires_in", tokenLifetime.toSeconds());
        body.put("issued_at", Instant.now().toString());
        return respond(new TokenRequest(username, service, scopes, 200), body);
    }

    private String issue(String subject, String audience, List<String> scopes) {
        Instant now = Instant.now();
        List<Map<String, Object>> access = new ArrayList<>();
        for (String scope : scopes) {
            ScopeAccess.parse(scope).ifPresent(granted -> access.add(granted.toClaim()));
        }
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject == null ? "" : subject)
                .audience(audience)
                .expirationTime(Date.from(now.plus(tokenLifetime)))
                .notBeforeTime(Date.from(now))
                .issueTime(Date.from(now))
                .jwtID(UUID.randomUUID().toString())
                .claim("access", access)
                .build();
        return signingKey.sign(claims);
    }

    private boolean isValidUser(String authorization) {
        String decoded = decodeBasic(authorization);
        return decoded != null && MessageDigest.isEqual(decoded.getBytes(StandardCharsets.UTF_8),
                (user.username() + ":" + user.password()).getBytes(StandardCharsets.UTF_8));
    }

    private static String basicUsername(String authorization) {
        String decoded = decodeBasic(authorization);
        if (decoded == null) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? decoded : decoded.substring(0, colon);
    }

    private static String decodeBasic(String authorization) {
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            return new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return query;
    }

    /** Records the request first, so a test that has its response also sees it in {@link #requests()}. */
    private HttpResponseMessage respond(TokenRequest request, Map<String, Object> body, HttpField... headers)
            throws IOException {
        requests.add(request);
        return HttpResponseMessage.json(request.status(), JSON.writeValueAsString(body), headers);
    }
}
