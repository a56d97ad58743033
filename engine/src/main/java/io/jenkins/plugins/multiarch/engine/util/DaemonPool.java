package io.jenkins.plugins.multiarch.engine.util;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread pools for overlapping registry requests, one per operation and closed with it ({@link #close}), so that no
 * thread outlives the operation that started it. Not the common ForkJoinPool: on a 2-core agent its parallelism is 1,
 * which would serialize requests that spend their time waiting on the network.
 */
public final class DaemonPool {

    /** How long {@link #close} waits for interrupted work to end. */
    private static final long CLOSE_WAIT_SECONDS = 5;

    private DaemonPool() {
    }

    public static ExecutorService create(String name, int threads) {
        return new Pool(name, Math.max(1, threads));
    }

    /** A fixed pool that remembers its threads, so that {@link #close} can wait until they are gone. */
    private static final class Pool extends ThreadPoolExecutor {
        private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

        Pool(String name, int size) {
            super(size, size, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
            AtomicInteger counter = new AtomicInteger();
            setThreadFactory(runnable -> {
                Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
                thread.setDaemon(true);
                threads.add(thread);
                return thread;
            });
        }
    }

    /**
     * Stops the pool: interrupts work still running (its requests are cancelled) and waits until every thread has
     * ended, so the operation returns with none left behind. A pending interrupt of the caller is kept.
     */
    public static void close(ExecutorService pool) {
        pool.shutdownNow();
        boolean interrupted = Thread.interrupted();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLOSE_WAIT_SECONDS);
            while (true) {
                try {
                    pool.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
                    // A terminated pool's last worker may still be leaving its thread: wait for the threads too.
                    if (pool instanceof Pool own) {
                        for (Thread thread : own.threads) {
                            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                        }
                    }
                    return;
                } catch (InterruptedException e) {
                    interrupted = true; // keep waiting a bounded time: the threads are already told to stop
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
