package io.jenkins.plugins.multiarch.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/** A username and password for a test registry. {@link #toString()} never shows the password. */
public record RegistryCredentials(String username, String password) {

    public RegistryCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** The value of an HTTP {@code Authorization} header for Basic authentication. */
    public String basicAuthorization() {
        return "Basic " + base64UserColonPassword();
    }

    /** {@code base64(username:password)}, the form used by Basic auth and by containers auth files. */
    public String base64UserColonPassword() {
        return Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "RegistryCredentials[username=" + username + ", password=***]";
    }
}
