package io.jenkins.plugins.multiarch.engine.registry;

import io.jenkins.plugins.multiarch.engine.registry.transport.RegistryEndpoint;
import io.jenkins.plugins.multiarch.engine.registry.transport.RetryPolicy;
import io.jenkins.plugins.multiarch.engine.registry.transport.Timeouts;
import io.jenkins.plugins.multiarch.engine.registry.transport.TlsTrust;
import java.io.Serializable;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How registries are reached, as the caller configures it: which ones speak plain HTTP, which TLS certificates
 * are trusted, how long requests may take, how often they are retried. Immutable and serializable (a Jenkins step sends it to the agent with the
 * request); the {@code with...} methods return changed copies.
 */
public final class RegistrySettings implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final RegistrySettings DEFAULT = new RegistrySettings(Set.of(), Timeouts.DEFAULT, RetryPolicy.DEFAULT,
            TlsTrust.DEFAULT);

    private final TreeSet<String> insecureRegistries;
    private final Timeouts timeouts;
    private final RetryPolicy retryPolicy;
    private final TlsTrust tlsTrust;

    private RegistrySettings(Set<String> insecureRegistries, Timeouts timeouts, RetryPolicy retryPolicy,
                             TlsTrust tlsTrust) {
        this.insecureRegistries = new TreeSet<>(insecureRegistries);
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.tlsTrust = Objects.requireNonNull(tlsTrust, "tlsTrust");
    }

    /** Registries ({@code host[:port]}) reached over plain HTTP; loopback registries always are. */
    public RegistrySettings withInsecureRegistries(Set<String> hosts) {
        return new RegistrySettings(hosts, timeouts, retryPolicy, tlsTrust);
    }

    public RegistrySettings withTimeouts(Timeouts value) {
        return new RegistrySettings(insecureRegistries, value, retryPolicy, tlsTrust);
    }

    public RegistrySettings withRetryPolicy(RetryPolicy value) {
        return new RegistrySettings(insecureRegistries, timeouts, value, tlsTrust);
    }

    /** Which TLS certificates registries may present (CAs added to the JVM's, registries not verified). */
    public RegistrySettings withTlsTrust(TlsTrust value) {
        return new RegistrySettings(insecureRegistries, timeouts, retryPolicy, value);
    }

    public Set<String> insecureRegistries() {
        return Set.copyOf(insecureRegistries);
    }

    public Timeouts timeouts() {
        return timeouts;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public TlsTrust tlsTrust() {
        return tlsTrust;
    }

    /**
     * Where this registry is reached: HTTPS, or plain HTTP for loopback and the insecure registries; a loopback
     * registry the TLS trust names for itself (its own CA, or not verified) is HTTPS.
     */
    public RegistryEndpoint endpoint(String registry) {
        return RegistryEndpoint.of(registry, insecureRegistries, tlsTrust.namesRegistry(registry));
    }

    /** True when this registry is reached over plain HTTP. */
    public boolean isPlainHttp(String registry) {
        return endpoint(registry).isPlainHttp();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegistrySettings other && insecureRegistries.equals(other.insecureRegistries)
                && timeouts().equals(other.timeouts()) && retryPolicy().equals(other.retryPolicy())
                && tlsTrust.equals(other.tlsTrust);
    }

    @Override
    public int hashCode() {
        return Objects.hash(insecureRegistries, timeouts(), retryPolicy(), tlsTrust);
    }
}
