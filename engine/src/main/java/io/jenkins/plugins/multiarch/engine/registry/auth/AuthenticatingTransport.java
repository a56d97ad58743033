package io.jenkins.plugins.multiarch.engine.registry.auth;

import io.jenkins.plugins.multiarch.engine.util.Printable;
import io.jenkins.plugins.multiarch.engine.error.AccessDeniedException;
import io.jenkins.plugins.multiarch.engine.error.CancelledException;
import io.jenkins.plugins.multiarch.engine.error.RegistryException;
import io.jenkins.plugins.multiarch.engine.registry.transport.RegistryEndpoint;
import io.jenkins.plugins.multiarch.engine.registry.transport.RegistryErrors;
import io.jenkins.plugins.multiarch.engine.registry.transport.RegistryRequest;
import io.jenkins.plugins.multiarch.engine.registry.transport.RegistryResponse;
import io.jenkins.plugins.multiarch.engine.registry.transport.Transport;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The authentication layer. Settled once per client: the first request asks {@code GET /v2/} which scheme the
 * registry wants; Basic credentials are tried there once, so a wrong password fails once, up front; for bearer
 * tokens one token is fetched for every repository announced with {@link #requestAccess}, so the parallel requests
 * that follow do not each run into a 401. A 401 later (expired token, a scope not yet covered) renews the token once.
 *
 * <p>Credentials go only to the registry's own origin (scheme, host and port): requests elsewhere (storage
 * redirects, upload sessions on another host) and requests marked anonymous pass through untouched. Credentials are
 * looked up only when a registry asks for them. Waiting for another thread's token fetch can be interrupted.
 */
public final class AuthenticatingTransport implements Transport {

    private final Transport next;
    private final RegistryEndpoint endpoint;
    private final CredentialProvider credentialProvider;
    private final TokenService tokenService;
    private final Clock clock;

    private final ReentrantLock lock = new ReentrantLock();
    private final Set<String> scopes = new TreeSet<>();
    private Optional<Credentials> credentials; // null until a registry first asks; guarded by lock
    private boolean pinged;
    private AuthChallenge challenge; // null: the registry asks for no authentication
    private BearerToken token;

    public AuthenticatingTransport(Transport next, RegistryEndpoint endpoint, CredentialProvider credentials,
                                   TokenService tokenService, Clock clock) {
        this.next = Objects.requireNonNull(next, "next");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.credentialProvider = Objects.requireNonNull(credentials, "credentials");
        this.tokenService = Objects.requireNonNull(tokenService, "tokenService");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private String registry() {
        return endpoint.registry();
    }

    /** Announces a repository this client will pull from, or push to, so the one token covers it. */
    public void requestAccess(String repository, boolean push) {
        locked(() -> {
            scopes.add("repository:" + repository + ":" + (push ? "pull,push" : "pull"));
            if (push || scopes.contains("repository:" + repository + ":pull,push")) {
                scopes.remove("repository:" + repository + ":pull");
            }
            return null;
        });
    }

    /** Settles authentication now: the ping, the Basic check, a token for every repository announced so far. */
    public void authenticate() {
        locked(() -> {
            ensureAuthenticated();
            return null;
        });
    }

    /** The credentials in use, if the registry asked for them and there were any. */
    public Optional<Credentials> knownCredentials() {
        return locked(this::credentials);
    }

    @Override
    public RegistryResponse send(RegistryRequest request) {
        if (request.isAnonymous() || !isSameOrigin(request.uri(endpoint))) {
            // Another host (storage) decides for itself; its 401/403 is no verdict on our credentials.
            return next.send(request);
        }
        String authorization = locked(() -> {
            ensureAuthenticated();
            return authorization();
        });
        boolean renewed = false;
        while (true) {
            RegistryResponse response = next.send(authorization == null ? request
                    : request.header("Authorization", authorization));
            int status = response.status();
            if (status == 401 && !renewed) {
                Optional<String> fresh = renewToken(response);
                if (fresh.isPresent()) {
                    response.close();
                    authorization = fresh.get();
                    renewed = true; // an expired token, or a repository no scope covered yet: once more
                    continue;
                }
            }
            if (status == 401 || status == 403) {
                byte[] body = response.bytes();
                response.close();
                throw denied(status, body, request);
            }
            return response;
        }
    }

    /** True if a URL is on the registry's own scheme, host and port: only there do credentials go. */
    public boolean isSameOrigin(URI uri) {
        URI base = endpoint.baseUri();
        return Objects.equals(uri.getScheme(), base.getScheme()) && Objects.equals(uri.getAuthority(), base.getAuthority());
    }

    private void ensureAuthenticated() {
        if (!pinged) {
            RegistryRequest ping = RegistryRequest.of("GET", "/v2/", "ping", "/v2/").anonymous(true);
            RegistryResponse response = next.send(ping);
            if (response.status() == 401) {
                challenge = AuthChallenge.parse(response.header("WWW-Authenticate").orElse(null))
                        .orElseThrow(() -> AccessDeniedException.of(registry(), "registry " + registry()
                                + " answered 401 without saying how to authenticate (no WWW-Authenticate)",
                                AccessDeniedException.Reason.NOT_PERMITTED, 401, List.of()));
                if (challenge.isBasic()) {
                    checkBasicCredentials(ping);
                } else if (!challenge.isBearer()) {
                    throw unsupportedScheme(challenge);
                }
            } else if (response.status() != 200) {
                throw RegistryException.of(RegistryException.builder(registry(), "registry " + registry()
                        + " answered GET /v2/ with HTTP " + response.status() + errorsText(response.bytes())
                        + " (is " + endpoint.baseUri() + " a registry?)").status(response.status())
                        .errors(RegistryErrors.parse(response.bytes())));
            }
            pinged = true;
        }
        if (challenge != null && challenge.isBearer() && (token == null || !token.isFresh(clock.instant()))) {
            token = tokenService.fetch(challenge, credentials(), new LinkedHashSet<>(scopes));
        }
    }

    /** Basic: try the credentials once, on /v2/, so a wrong password fails here once and not per request. */
    private void checkBasicCredentials(RegistryRequest ping) {
        Credentials basic = credentials().orElseThrow(() -> AccessDeniedException.of(registry(), "registry "
                + registry() + " requires authentication and no credentials were given for it",
                AccessDeniedException.Reason.NO_CREDENTIALS, 401, List.of()));
        RegistryResponse response = next.send(ping.header("Authorization", basic.basicHeader()));
        if (response.status() == 401 || response.status() == 403) {
            throw AccessDeniedException.of(registry(), "authentication failed for registry " + registry() + " as user '"
                    + basic.username() + "' (HTTP " + response.status() + "): check the username and password",
                    AccessDeniedException.Reason.CREDENTIALS_REFUSED, response.status(),
                    RegistryErrors.parse(response.bytes()));
        }
    }

    /** Negotiate (Kerberos), NTLM, Digest ...: no password would help, so none is blamed. */
    private AccessDeniedException unsupportedScheme(AuthChallenge offered) {
        String realm = offered.parameter("realm").map(r -> " (realm '" + Printable.value(r) + "')").orElse("");
        return AccessDeniedException.of(registry(), "registry " + registry() + " asks for '"
                + Printable.value(offered.scheme()) + "' authentication" + realm + ", which this client does not"
                + " support: it supports Basic and Bearer token authentication. Use an endpoint of the registry that"
                + " offers one of them (e.g. a token or robot account)", AccessDeniedException.Reason.NOT_PERMITTED,
                401, List.of());
    }

    private Optional<Credentials> credentials() {
        if (credentials == null) {
            credentials = credentialProvider.find(registry());
        }
        return credentials;
    }

    private String authorization() {
        if (challenge == null) {
            return null;
        }
        if (challenge.isBasic()) {
            return credentials().map(Credentials::basicHeader).orElse(null);
        }
        if (challenge.isBearer()) {
            return token.header();
        }
        return null;
    }

    /** Learns from a 401's bearer challenge and fetches a new token; empty where a new token would not help. */
    private Optional<String> renewToken(RegistryResponse response) {
        Optional<AuthChallenge> fresh = AuthChallenge.parse(response.header("WWW-Authenticate").orElse(null));
        if (fresh.isEmpty() || !fresh.get().isBearer()) {
            return Optional.empty();
        }
        return Optional.of(locked(() -> {
            challenge = fresh.get();
            challenge.parameter("scope").ifPresent(scope -> scopes.addAll(List.of(scope.split(" "))));
            token = tokenService.fetch(challenge, credentials(), new LinkedHashSet<>(scopes));
            return token.header();
        }));
    }

    private AccessDeniedException denied(int status, byte[] body, RegistryRequest request) {
        Optional<Credentials> known = knownCredentials();
        String user = known.map(c -> " as user '" + c.username() + "'").orElse(" without credentials");
        boolean basicRefusal = status == 401 && locked(() -> challenge == null || challenge.isBasic());
        String prefix = basicRefusal ? "authentication failed for registry " + registry()
                : "registry " + registry() + " denied " + request.method() + " " + request.what();
        String hint = known.isPresent()
                ? ": check the username and password, and that the user may access " + request.what() : "";
        AccessDeniedException.Reason reason = known.isEmpty() ? AccessDeniedException.Reason.NO_CREDENTIALS
                : status == 401 ? AccessDeniedException.Reason.CREDENTIALS_REFUSED
                : AccessDeniedException.Reason.NOT_PERMITTED;
        return AccessDeniedException.of(registry(), prefix + user + " (HTTP " + status + ")" + hint, reason, status,
                RegistryErrors.parse(body));
    }

    private static String errorsText(byte[] body) {
        String text = RegistryErrors.text(RegistryErrors.parse(body));
        return text.isEmpty() ? "" : ": " + text;
    }

    /** Runs {@code work} holding the lock; waiting for it can be interrupted (a token fetch may take seconds). */
    private <T> T locked(java.util.function.Supplier<T> work) {
        if (!lock.isHeldByCurrentThread()) {
            try {
                lock.lockInterruptibly();
            } catch (InterruptedException e) {
                throw CancelledException.of("while waiting for the registry login of " + registry(), e);
            }
        } else {
            lock.lock();
        }
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
