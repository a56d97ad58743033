package io.jenkins.plugins.multiarch.engine.registry;

import io.jenkins.plugins.multiarch.engine.registry.transport.RegistryEndpoint;
import io.jenkins.plugins.multiarch.engine.registry.transport.RetryPolicy;
import io.jenkins.plugins.multiarch.engine.registry.transport.Timeouts;
import java.io.Serializable;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How registries are reached, as the caller configures it: which ones speak plain HTTP, how long requests may
 * take, how often they are retried. Immutable and serializable (a Jenkins step sends it to the agent with the
 * request); the {@code with...} methods return changed copies.
 */
public final class RegistrySettings implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final RegistrySettings DEFAULT = new RegistrySettings(Set.of(), Timeouts.DEFAULT, RetryPolicy.DEFAULT,
            ReadLimits.DEFAULT);

    private final TreeSet<String> insecureRegistries;
    private final Timeouts timeouts;
    private final RetryPolicy retryPolicy;
    private final ReadLimits limits;

    private RegistrySettings(Set<String> insecureRegistries, Timeouts timeouts, RetryPolicy retryPolicy,
                             ReadLimits limits) {
        this.insecureRegistries = new TreeSet<>(insecureRegistries);
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Registries ({@code host[:port]}) reached over plain HTTP; loopback registries always are. */
    public RegistrySettings withInsecureRegistries(Set<String> hosts) {
        return new RegistrySettings(hosts, timeouts, retryPolicy, limits);
    }

    public RegistrySettings withTimeouts(Timeouts value) {
        return new RegistrySettings(insecureRegistries, value, retryPolicy, limits);
    }

    public RegistrySettings withRetryPolicy(RetryPolicy value) {
        return new RegistrySettings(insecureRegistries, timeouts, value, limits);
    }

    /** How much of a registry's answers is read (manifest and config sizes, index children followed). */
    public RegistrySettings withLimits(ReadLimits value) {
        return new RegistrySettings(insecureRegistries, timeouts, retryPolicy, value);
    }

    /** {@link ReadLimits#DEFAULT} unless set; settings serialized before limits existed read as the default. */
    public ReadLimits limits() {
        return limits == null ? ReadLimits.DEFAULT : limits;
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

    /** Where this registry is reached: HTTPS, or plain HTTP for loopback and the insecure registries. */
    public RegistryEndpoint endpoint(String registry) {
        return RegistryEndpoint.of(registry, insecureRegistries);
    }

    /** True when this registry is reached over plain HTTP. */
    public boolean isPlainHttp(String registry) {
        return endpoint(registry).isPlainHttp();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegistrySettings other && insecureRegistries.equals(other.insecureRegistries)
                && timeouts().equals(other.timeouts()) && retryPolicy().equals(other.retryPolicy())
                && limits().equals(other.limits());
    }

    @Override
    public int hashCode() {
        return Objects.hash(insecureRegistries, timeouts(), retryPolicy(), limits());
    }
}
