package io.jenkins.plugins.multiarch.engine.registry.transport;

/**
 * A request {@linkplain RegistryRequest#onlyOnSpareConnection() sent only on a spare connection} found none: every
 * connection to the registry but one is busy. Not an error: the caller sends it later, when it is needed. Never
 * retried, and never reaches a user.
 */
public final class NoSpareConnectionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoSpareConnectionException(String registry, RegistryRequest request) {
        super("no spare connection to " + registry + " for " + request, null, false, false);
    }
}
