package io.jenkins.plugins.multiarch.engine.registry.transport;

import io.jenkins.plugins.multiarch.engine.error.CancelledException;
import io.jenkins.plugins.multiarch.engine.error.RegistryException;

/**
 * Sends a registry request and returns the answer, whatever its status. Layers wrap one another, each doing one
 * thing (see {@code docs/architecture.md}): {@link HttpTransport} talks HTTP with deadlines, {@link CountingTransport}
 * counts, {@link RetryingTransport} retries what may succeed later, the authentication layer adds credentials, the
 * redirect layer follows storage redirects. The OCI operations above them interpret statuses.
 */
@FunctionalInterface
public interface Transport {

    /**
     * @throws RegistryException  when no usable answer came (unreachable, a body over its limit or too slow)
     * @throws CancelledException when the calling thread is interrupted; the exchange is cancelled
     */
    RegistryResponse send(RegistryRequest request);
}
