package io.jenkins.plugins.multiarch.engine.registry.transport;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests one registry may have in flight, shared by every operation that talks to it (see
 * {@link ConnectionLimitingTransport}): a permit per request, given back when its body has been read or closed.
 *
 * <p>A request sent ahead of need (see {@link RegistryRequest#onlyOnSpareConnection()}) gets a permit only on a
 * spare connection: one stays free for the requests it may be held against, and, over TLS, the client must already
 * have had more requests in flight at once than it has now, so an idle kept-alive connection is likely there. A new
 * TLS connection costs a handshake (round trips and CPU) that a request ahead would not win back within one run; a
 * new plain-HTTP connection costs one round trip, the one the request ahead saves.
 */
public final class ConnectionPermits {

    private final int limit;
    private final boolean newConnectionsCheap;
    private final Semaphore permits;
    private final AtomicInteger peakInFlight = new AtomicInteger();

    /** @param newConnectionsCheap the registry speaks plain HTTP (a new connection costs no TLS handshake) */
    public ConnectionPermits(int limit, boolean newConnectionsCheap) {
        this.limit = limit;
        this.newConnectionsCheap = newConnectionsCheap;
        this.permits = new Semaphore(limit);
    }

    /** Waits up to {@code maxWait} for a permit; false if none came. */
    boolean acquire(Duration maxWait) throws InterruptedException {
        if (!permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        peakInFlight.accumulateAndGet(inFlight(), Math::max);
        return true;
    }

    /** A permit on a spare connection, without waiting; false if there is none (see above). */
    boolean acquireSpare() {
        if (!newConnectionsCheap && inFlight() >= peakInFlight.get()) {
            return false;
        }
        // Two taken and one given back: at least one stays free for the requests this one may be held against.
        if (!permits.tryAcquire(2)) {
            return false;
        }
        permits.release();
        return true;
    }

    void release() {
        permits.release();
    }

    /** Requests in flight now. */
    public int inFlight() {
        return limit - permits.availablePermits();
    }

    public int limit() {
        return limit;
    }
}
