package io.jenkins.plugins.multiarch.engine.registry.transport;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the HTTP requests a client sent, by method and kind (manifest, blob, token ...), retries included. */
public final class RequestStatistics {

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    public void record(String method, String kind) {
        counts.computeIfAbsent(method + " " + kind, k -> new AtomicLong()).incrementAndGet();
    }

    /** E.g. {@code {"GET blob": 3, "GET manifest": 3, "PUT manifest": 2}}, sorted. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    public long total() {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }
}
