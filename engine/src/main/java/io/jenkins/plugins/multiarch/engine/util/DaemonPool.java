package io.jenkins.plugins.multiarch.engine.util;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread pools for overlapping registry requests. Not the common ForkJoinPool: on a 2-core agent its parallelism
 * is 1, which would serialize requests that spend their time waiting on the network.
 */
public final class DaemonPool {

    private DaemonPool() {
    }

    public static ExecutorService create(String name, int threads) {
        AtomicInteger counter = new AtomicInteger();
        return Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
