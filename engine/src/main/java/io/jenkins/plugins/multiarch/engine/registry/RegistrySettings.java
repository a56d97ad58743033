package io.jenkins.plugins.multiarch.engine.registry;

import io.jenkins.plugins.multiarch.engine.registry.transport.HttpLimits;
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
 * are trusted, how long requests may take, how often they are retried, how many connections and threads one
 * registry may take. Immutable and serializable (a Jenkins step sends it to the agent with the
 * request); the {@code with...} methods return changed copies.
 */
public final class RegistrySettings implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final RegistrySettings DEFAULT = new RegistrySettings(Set.of(), Timeouts.DEFAULT, RetryPolicy.DEFAULT,
            ReadLimits.DEFAULT, HttpLimits.DEFAULT, TlsTrust.DEFAULT);

    private final TreeSet<String> insecureRegistries;
    private final Timeouts timeouts;
    private final RetryPolicy retryPolicy;
    private final ReadLimits limits;
    /** Null in a form serialized before the limits existed: read as the defaults. */
    private final HttpLimits httpLimits;
    /** Null in a form serialized before TLS trust existed: read as the default. */
    private final TlsTrust tlsTrust;

    private RegistrySettings(Set<String> insecureRegistries, Timeouts timeouts, RetryPolicy retryPolicy,
                             ReadLimits limits, HttpLimits httpLimits, TlsTrust tlsTrust) {
        this.insecureRegistries = new TreeSet<>(insecureRegistries);
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.httpLimits = Objects.requireNonNull(httpLimits, "httpLimits");
        this.tlsTrust = Objects.requireNonNull(tlsTrust, "tlsTrust");
    }

    /** Registries ({@code host[:port]}) reached over plain HTTP; loopback registries always are. */
    public RegistrySettings withInsecureRegistries(Set<String> hosts) {
        return new RegistrySettings(hosts, timeouts, retryPolicy, limits(), httpLimits(), tlsTrust());
    }

    public RegistrySettings withTimeouts(Timeouts value) {
        return new RegistrySettings(insecureRegistries, value, retryPolicy, limits(), httpLimits(), tlsTrust());
    }

    public RegistrySettings withRetryPolicy(RetryPolicy value) {
        return new RegistrySettings(insecureRegistries, timeouts, value, limits(), httpLimits(), tlsTrust());
    }

    /** How much of a registry's answers is read (manifest and config sizes, index children followed). */
    public RegistrySettings withLimits(ReadLimits value) {
        return new RegistrySettings(insecureRegistries, timeouts, retryPolicy, value, httpLimits(), tlsTrust());
    }

    /** {@link ReadLimits#DEFAULT} unless set; settings serialized before limits existed read as the default. */
    public ReadLimits limits() {
        return limits == null ? ReadLimits.DEFAULT : limits;
    }

    /** How many connections and threads one registry may take in this process (shared by its operations). */
    public RegistrySettings withHttpLimits(HttpLimits value) {
        return new RegistrySettings(insecureRegistries, timeouts, retryPolicy, limits(), value, tlsTrust());
    }

    /** Which TLS certificates registries may present (CAs added to the JVM's, registries not verified). */
    public RegistrySettings withTlsTrust(TlsTrust value) {
        return new RegistrySettings(insecureRegistries, timeouts, retryPolicy, limits(), httpLimits(), value);
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

    public HttpLimits httpLimits() {
        return httpLimits == null ? HttpLimits.DEFAULT : httpLimits;
    }

    /** {@link TlsTrust#DEFAULT} unless set; settings serialized before TLS trust existed read as the default. */
    public TlsTrust tlsTrust() {
        return tlsTrust == null ? TlsTrust.DEFAULT : tlsTrust;
    }

    /**
     * Where this registry is reached: HTTPS, or plain HTTP for loopback and the insecure registries; a loopback
     * registry the TLS trust names for itself (its own CA, or not verified) is HTTPS.
     */
    public RegistryEndpoint endpoint(String registry) {
        return RegistryEndpoint.of(registry, insecureRegistries, tlsTrust().namesRegistry(registry));
    }

    /** True when this registry is reached over plain HTTP. */
    public boolean isPlainHttp(String registry) {
        return endpoint(registry).isPlainHttp();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegistrySettings other && insecureRegistries.equals(other.insecureRegistries)
                && timeouts().equals(other.timeouts()) && retryPolicy().equals(other.retryPolicy())
                && limits().equals(other.limits()) && httpLimits().equals(other.httpLimits())
                && tlsTrust().equals(other.tlsTrust());
    }

    @Override
    public int hashCode() {
        return Objects.hash(insecureRegistries, timeouts(), retryPolicy(), limits(), httpLimits(), tlsTrust());
    }
}
