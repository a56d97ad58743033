package io.jenkins.plugins.multiarch.steps;

import io.jenkins.plugins.multiarch.engine.host.Host;
import io.jenkins.plugins.multiarch.engine.registry.auth.CredentialProvider;
import io.jenkins.plugins.multiarch.engine.registry.auth.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A login inside a callable on its way to (or running on) the agent: made into the engine's credentials only where
 * the engine runs. The callables that carry it are sent over the remoting channel and never stored.
 */
final class AgentCredentials {

    private AgentCredentials() {
    }

    /** The host with these credentials for this registry, or as it is when anonymous. */
    static Host withLogin(Host host, String registry, String username, String password) {
        if (username == null) {
            return host;
        }
        return host.withCredentials(CredentialProvider.fixed(registry, Credentials.of(username, password)));
    }

    /** What the log must never show: the password, and the Basic form an auth file holds. */
    static List<String> secrets(String username, String password) {
        List<String> secrets = new ArrayList<>();
        if (password != null) {
            secrets.add(password);
            secrets.add(Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return secrets;
    }
}
