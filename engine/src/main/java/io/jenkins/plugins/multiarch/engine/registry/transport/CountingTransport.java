package io.jenkins.plugins.multiarch.engine.registry.transport;

/** Counts every request that goes out, retries included, by method and kind ({@code GET manifest}). */
public final class CountingTransport implements Transport {

    private final Transport next;
    private final RequestStatistics statistics;

    public CountingTransport(Transport next, RequestStatistics statistics) {
        this.next = next;
        this.statistics = statistics;
    }

    @Override
    public RegistryResponse send(RegistryRequest request) {
        if (!request.isSpareConnectionOnly()) {
            statistics.record(request.method(), request.kind());
            return next.send(request);
        }
        boolean sent = true;
        try {
            return next.send(request);
        } catch (NoSpareConnectionException e) {
            sent = false; // refused before it went out: not a request the registry saw
            throw e;
        } finally {
            if (sent) {
                statistics.record(request.method(), request.kind());
            }
        }
    }
}
