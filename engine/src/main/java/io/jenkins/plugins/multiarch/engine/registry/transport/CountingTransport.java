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
        statistics.record(request.method(), request.kind());
        return next.send(request);
    }
}
