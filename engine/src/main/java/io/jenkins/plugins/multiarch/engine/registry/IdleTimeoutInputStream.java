package io.jenkins.plugins.multiarch.engine.registry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A response body that fails when the registry stops sending. The JDK's request timeout covers only the wait for
 * the response headers; a registry that stalls mid-body would otherwise block a reader forever. A watchdog
 * interrupts a read that has waited longer than the idle limit (the JDK's body stream wakes on interrupt).
 */
final class IdleTimeoutInputStream extends FilterInputStream {

    private static final Set<IdleTimeoutInputStream> OPEN = ConcurrentHashMap.newKeySet();
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "multiarch-registry-idle-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    static {
        WATCHDOG.scheduleWithFixedDelay(IdleTimeoutInputStream::checkAll, 1, 1, TimeUnit.SECONDS);
    }

    private final long idleNanos;
    private final String what;
    private volatile Thread reader;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean timedOut;

    IdleTimeoutInputStream(InputStream in, Duration idle, String what) {
        super(in);
        this.idleNanos = idle.toNanos();
        this.what = what;
        OPEN.add(this);
    }

    private static void checkAll() {
        long now = System.nanoTime();
        for (IdleTimeoutInputStream stream : OPEN) {
            Thread waiting = stream.reader;
            if (waiting != null && now - stream.lastProgress > stream.idleNanos) {
                stream.timedOut = true;
                waiting.interrupt();
            }
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        reader = Thread.currentThread();
        try {
            int n = super.read(b, off, len);
            lastProgress = System.nanoTime();
            return n;
        } catch (IOException e) {
            throw timedOut ? stalled(e) : e;
        } finally {
            reader = null;
            if (timedOut) {
                Thread.interrupted(); // the interrupt was ours, not the caller's
            }
        }
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    private IOException stalled(IOException cause) {
        InterruptedIOException e = new InterruptedIOException("no data from the registry for "
                + Duration.ofNanos(idleNanos).toSeconds() + " s while reading " + what);
        e.initCause(cause);
        return e;
    }

    @Override
    public void close() throws IOException {
        OPEN.remove(this);
        super.close();
    }
}
