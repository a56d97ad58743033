package io.jenkins.plugins.multiarch.engine.registry.transport;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import java.io.Serializable;

/**
 * How much of the process's HTTP resources one registry may take, shared by every operation that talks to it: at most
 * {@code connections} requests in flight (each holds a connection until its body is read or closed), and at most
 * {@code threads} threads for the HTTP client's own work (completing exchanges, moving bodies), instead of the JDK's
 * default of a new thread whenever all are busy.
 */
public final class HttpLimits implements Serializable {

    private static final long serialVersionUID = 1L;

    /** 64 connections: 128 platforms take two waves of requests; 8 threads only move bytes between sockets and readers. */
    public static final HttpLimits DEFAULT = new HttpLimits(64, 8);

    private final int connections;
    private final int threads;

    public HttpLimits(int connections, int threads) {
        if (connections < 1) {
            throw new InvalidInputException("connections per registry must be at least 1, got " + connections);
        }
        if (threads < 1) {
            throw new InvalidInputException("HTTP threads per registry must be at least 1, got " + threads);
        }
        this.connections = connections;
        this.threads = threads;
    }

    /** Requests to one registry in flight at once, across all operations of the process. */
    public int connections() {
        return connections;
    }

    /** Threads of the HTTP client of one registry. */
    public int threads() {
        return threads;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpLimits other && connections == other.connections && threads == other.threads;
    }

    @Override
    public int hashCode() {
        return 31 * connections + threads;
    }

    @Override
    public String toString() {
        return connections + " connections, " + threads + " threads per registry";
    }
}
