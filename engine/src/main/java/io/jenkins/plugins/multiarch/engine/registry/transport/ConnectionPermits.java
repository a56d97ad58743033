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
 * spare connection. One permit must stay free for the requests it may be held against. Over TLS a new connection
 * costs a handshake (a round trip or two, and CPU) on top of the round a request ahead saves: so there the first
 * operation on a registry's client (all a CLI run does) sends ahead only on a kept-alive connection that is idle
 * (fewer requests in flight than the client has had at once); later operations (a controller that publishes all
 * day) may open one, since it stays alive for the operations that follow. Over plain HTTP a new connection costs one
 * round trip, and sending ahead on new connections was measured faster for a CLI publish (0.62 s against 0.67 s at
 * 50 ms, 8 platforms), so there any operation may open one.
 */
public final class ConnectionPermits {

    private final int limit;
    private final boolean newConnectionsCheap;
    private final Semaphore permits;
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final AtomicInteger operations = new AtomicInteger();

    /** @param newConnectionsCheap the registry speaks plain HTTP (a new connection costs no TLS handshake) */
    public ConnectionPermits(int limit, boolean newConnectionsCheap) {
        this.limit = limit;
        this.newConnectionsCheap = newConnectionsCheap;
        this.permits = new Semaphore(limit);
    }

    /** An operation's client now sends its requests through these permits. */
    public void operationStarted() {
        operations.incrementAndGet();
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
        if (!newConnectionsCheap && operations.get() <= 1 && inFlight() >= peakInFlight.get()) {
            return false; // no idle kept-alive connection, and a new one's handshake would serve this operation only
        }
        // Two taken and one given back: at least one stays free for the requests this one may be held against.
        if (!permits.tryAcquire(2)) {
            return false;
        }
        permits.release();
        peakInFlight.accumulateAndGet(inFlight(), Math::max);
        return true;
    }

    void release() {
        permits.release();
    }

    /** Requests in flight now. */
    public int inFlight() {
        return limit - permits.availablePermits();
    }
}
