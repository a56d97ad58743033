package io.jenkins.plugins.multiarch.steps;

import io.jenkins.plugins.multiarch.engine.host.Host;
import io.jenkins.plugins.multiarch.engine.registry.auth.CredentialProvider;
import io.jenkins.plugins.multiarch.engine.registry.auth.Credentials;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The logins of one publish, by registry host: the target's and those of {@code registryCredentials}, on their way
 * to (or running on) the agent inside a {@link PublishJob}. Made into the engine's credentials only where the engine
 * runs; sent over the remoting channel, never stored, and {@link #toString()} names only the registries.
 */
final class AgentLogins implements Serializable {

    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, String> usernames = new LinkedHashMap<>();
    private final LinkedHashMap<String, String> passwords = new LinkedHashMap<>();

    /** The target's login (anonymous: none), then the others'. */
    AgentLogins(String targetRegistry, RegistryLogin target, Map<String, RegistryLogin> others) {
        add(targetRegistry, target);
        others.forEach(this::add);
    }

    private void add(String registry, RegistryLogin login) {
        if (login.username() != null) {
            usernames.put(registry, login.username());
            passwords.put(registry, login.password());
        }
    }

    /** The host with these credentials, each for its registry only; as it is when there are none. */
    Host applyTo(Host host) {
        CredentialProvider provider = null;
        for (Map.Entry<String, String> entry : usernames.entrySet()) {
            CredentialProvider one = CredentialProvider.fixed(entry.getKey(),
                    Credentials.of(entry.getValue(), passwords.get(entry.getKey())));
            provider = provider == null ? one : provider.orElse(one);
        }
        return provider == null ? host : host.withCredentials(provider);
    }

    /** What the log must never show: every password and its Basic form. */
    List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        usernames.forEach((registry, user) -> secrets.addAll(AgentCredentials.secrets(user, passwords.get(registry))));
        return secrets;
    }

    @Override
    public String toString() {
        return "AgentLogins" + usernames.keySet(); // no password
    }
}
