package io.jenkins.plugins.multiarch.engine.util;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that overlap the per-source work of every operation of one engine (one resolve or check per platform):
 * bounded, shared, and gone when idle. Each operation takes its own view ({@link #forOperation()}), which it closes
 * with {@link DaemonPool#close} as before; closing a view interrupts that operation's work still running and waits
 * for it, so no work of an operation outlives it while the threads stay with the engine.
 *
 * <p>A task is handed straight to an idle or new thread; when all {@code maxThreads} are busy, the submitting thread
 * runs it itself. So nothing ever waits in a queue behind other operations' work, nested work (a check started by a
 * resolve) cannot deadlock, and a busy controller degrades to each operation doing its own work, one request at a
 * time, instead of starting a thread per request.
 */
public final class WorkPool implements AutoCloseable {

    /** Threads idle this long end, so a quiet controller keeps none. */
    private static final long IDLE_SECONDS = 30;

    private final ThreadPoolExecutor threads;
    private final Set<Thread> created = ConcurrentHashMap.newKeySet();

    private WorkPool(String name, int maxThreads) {
        if (maxThreads < 1) {
            throw new io.jenkins.plugins.multiarch.engine.error.InvalidInputException("the engine's worker threads must be at least 1, got " + maxThreads);
        }
        AtomicInteger counter = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(0, maxThreads, IDLE_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> {
                    Thread thread = new Worker(runnable, name + " " + counter.incrementAndGet());
                    thread.setDaemon(true);
                    created.removeIf(t -> !t.isAlive()); // idle threads end; remember only the living
                    created.add(thread);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /** A shared pool of at most {@code maxThreads} threads, named {@code name 1, name 2, ...}. */
    public static WorkPool create(String name, int maxThreads) {
        return new WorkPool(name, maxThreads);
    }

    /** The work of one operation; close it with {@link DaemonPool#close} when the operation ends. */
    public ExecutorService forOperation() {
        return new OperationView(threads);
    }

    /**
     * The pool for one operation's work: a view of {@code shared}, or without a shared pool (a class used on its own,
     * outside the facade) a pool of its own of {@code ownThreads} threads named {@code name-N}.
     */
    public static ExecutorService forOperation(WorkPool shared, String name, int ownThreads) {
        return shared != null ? shared.forOperation() : DaemonPool.create(name, ownThreads);
    }

    /** Threads alive now (for benchmarks and tests). */
    public int threadCount() {
        return threads.getPoolSize();
    }

    /** Ends the idle threads and waits a bounded time for busy ones; every view should be closed before. */
    @Override
    public void close() {
        threads.shutdownNow();
        awaitEnd(threads, created);
    }

    /**
     * Waits (5 s at most) until a shut-down pool has terminated and each of its threads has ended: a terminated pool's
     * last worker may still be leaving its thread. A pending interrupt of the caller is kept.
     */
    public static void awaitEnd(ThreadPoolExecutor pool, Set<Thread> threads) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        boolean interrupted = false;
        while (true) {
            try {
                pool.awaitTermination(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                for (Thread thread : threads) {
                    thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                }
                break;
            } catch (InterruptedException e) {
                interrupted = true; // keep waiting a bounded time: the threads are already told to stop
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The pool's own threads, told apart from a caller running work inline. */
    private static final class Worker extends Thread {
        /** Tasks this thread is inside: more than one when it ran nested work itself. */
        int depth;

        Worker(Runnable runnable, String name) {
            super(runnable, name);
        }
    }

    /**
     * One operation's share of the pool: remembers which threads run its tasks, so that shutting it down interrupts
     * exactly those (never a thread after it moved on to another operation's work) and termination means they ended.
     */
    private static final class OperationView extends AbstractExecutorService {
        private final ThreadPoolExecutor threads;
        /** A thread once per task of this operation it is inside (nested work run inline counts again). */
        private final List<Thread> running = new ArrayList<>();
        private boolean shutdown;

        OperationView(ThreadPoolExecutor threads) {
            this.threads = threads;
        }

        @Override
        public void execute(Runnable task) {
            synchronized (this) {
                if (shutdown) {
                    throw new RejectedExecutionException("the operation has ended");
                }
            }
            threads.execute(() -> runTracked(task));
        }

        private void runTracked(Runnable task) {
            Thread self = Thread.currentThread();
            synchronized (this) {
                if (shutdown) {
                    return; // the operation ended before this task started
                }
                running.add(self);
            }
            Worker worker = self instanceof Worker w ? w : null;
            if (worker != null) {
                worker.depth++;
            }
            try {
                task.run();
            } finally {
                synchronized (this) {
                    running.remove(self);
                    notifyAll();
                }
                if (worker != null && --worker.depth == 0) {
                    // An interrupt meant for this operation's task must not reach the next operation's.
                    Thread.interrupted();
                }
            }
        }

        @Override
        public synchronized void shutdown() {
            shutdown = true;
        }

        @Override
        public synchronized List<Runnable> shutdownNow() {
            shutdown = true;
            Thread self = Thread.currentThread();
            for (Thread thread : new HashSet<>(running)) {
                if (thread != self) {
                    thread.interrupt();
                }
            }
            return new ArrayList<>();
        }

        @Override
        public synchronized boolean isShutdown() {
            return shutdown;
        }

        @Override
        public synchronized boolean isTerminated() {
            return shutdown && running.isEmpty();
        }

        @Override
        public synchronized boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (!(shutdown && running.isEmpty())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }
}
