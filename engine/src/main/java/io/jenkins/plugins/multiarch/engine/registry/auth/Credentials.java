package io.jenkins.plugins.multiarch.engine.registry.auth;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A username and a secret (password, access token or identity token) for one registry. {@link #toString()}
 * never shows the secret, so a credential that ends up in a log or a message does not leak.
 */
public final class Credentials {

    private final String username;
    private final String secret;
    private final boolean identityToken;

    private Credentials(String username, String secret, boolean identityToken) {
        this.username = Objects.requireNonNull(username, "username");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.identityToken = identityToken;
    }

    public static Credentials of(String username, String password) {
        if (username.isEmpty()) {
            throw new InvalidInputException("registry username is empty");
        }
        if (username.contains(":")) {
            throw new InvalidInputException("registry username '" + username + "' contains ':', which Basic"
                    + " authentication cannot carry; registries do not allow it in user names");
        }
        return new Credentials(username, password, false);
    }

    /** An OAuth2 refresh token that {@code docker login} stored as {@code identitytoken}. */
    public static Credentials identityToken(String username, String token) {
        return new Credentials(username, token, true);
    }

    public String username() {
        return username;
    }

    /** The secret itself: only for building an Authorization header or a private auth file. */
    public String secret() {
        return secret;
    }

    public boolean isIdentityToken() {
        return identityToken;
    }

    /** The value of a Basic Authorization header. */
    public String basicHeader() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Credentials[user=" + username + ", secret=****]";
    }
}
