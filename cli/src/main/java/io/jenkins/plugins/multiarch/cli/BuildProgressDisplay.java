package io.jenkins.plugins.multiarch.cli;

import io.jenkins.plugins.multiarch.engine.util.Printable;
import io.jenkins.plugins.multiarch.engine.imagebuild.BuildPhase;
import io.jenkins.plugins.multiarch.engine.imagebuild.BuildProgress;
import io.jenkins.plugins.multiarch.engine.process.LineSink;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Shows the builds on standard error while they run.
 *
 * <p>On a terminal, build output scrolls above a block with one line per platform (phase, seconds since it
 * started) that is redrawn in place a few times a second. Elsewhere (CI logs, pipes) nothing is redrawn: output
 * lines pass through and each phase change is one more line, e.g. {@code [linux/arm64] -> pushing (2.3 s)}.
 *
 * <p>Thread-safe: builds report from their own threads, and every write holds this object's lock, so an output
 * line never lands inside the block.
 */
final class BuildProgressDisplay implements BuildProgress, LineSink, AutoCloseable {

    static final long REDRAW_MILLIS = 250;
    /** ESC [ n F: cursor to the start of the line n lines up; ESC [ J: erase from there to the end of the screen. */
    private static final String CSI = "\u001b[";

    private final PrintWriter err;
    private final boolean interactive;
    private final LongSupplier nanoClock;
    private final Ticker ticker;
    private final Map<Platform, State> states = new LinkedHashMap<>();
    private final int width;
    private int drawnLines;
    private boolean closed;
    private Ticker.Ticking ticking;

    /**
     * What calls for a redraw while builds run on a terminal: a timer thread ({@link #every(long)}), or in tests the
     * test itself, so that what a redraw shows does not depend on how fast a timer fires.
     */
    @FunctionalInterface
    interface Ticker {

        /** Starts calling {@code tick} again and again until the returned handle is stopped. */
        Ticking start(Runnable tick);

        /** Calls in progress. */
        @FunctionalInterface
        interface Ticking {
            /** Stops the calls, waiting (up to a second for the timer) for one that is running to end. */
            void stop();
        }
    }

    /** Every {@code millis} milliseconds, the first after {@code millis}, on a daemon thread. */
    static Ticker every(long millis) {
        return tick -> {
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "multiarch-progress");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleAtFixedRate(tick, millis, millis, TimeUnit.MILLISECONDS);
            return () -> {
                timer.shutdownNow();
                try {
                    timer.awaitTermination(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
        };
    }

    /** One platform's phase and when it started and ended (nanoClock values; -1 not yet). */
    private static final class State {
        BuildPhase phase = BuildPhase.QUEUED;
        long started = -1;
        long ended = -1;
    }

    /** Redraws every {@link #REDRAW_MILLIS} on a terminal. */
    BuildProgressDisplay(PrintWriter err, boolean interactive, List<Platform> platforms, LongSupplier nanoClock) {
        this(err, interactive, platforms, nanoClock, every(REDRAW_MILLIS));
    }

    /** Redraws whenever {@code ticker} ticks, on a terminal. */
    BuildProgressDisplay(PrintWriter err, boolean interactive, List<Platform> platforms, LongSupplier nanoClock,
            Ticker ticker) {
        this.err = err;
        this.interactive = interactive;
        this.nanoClock = nanoClock;
        this.ticker = ticker;
        platforms.forEach(p -> states.put(p, new State()));
        this.width = platforms.stream().mapToInt(p -> p.toString().length()).max().orElse(8);
    }

    /** On a terminal: draws the block and starts redrawing it. */
    synchronized void start() {
        if (interactive && ticking == null) {
            draw();
            ticking = ticker.start(this::redraw);
        }
    }

    @Override
    public synchronized void line(String text) {
        if (interactive && !closed) {
            erase();
            err.println(Printable.escaped(text));
            draw();
        } else {
            err.println(Printable.escaped(text));
        }
        err.flush();
    }

    @Override
    public synchronized void phase(Platform platform, BuildPhase phase) {
        State state = states.computeIfAbsent(platform, p -> new State());
        long now = nanoClock.getAsLong();
        if (state.started < 0 && phase != BuildPhase.QUEUED && phase != BuildPhase.SKIPPED) {
            state.started = now;
        }
        if (phase.isFinal()) {
            state.ended = now;
        }
        boolean changed = state.phase != phase;
        state.phase = phase;
        if (interactive) {
            if (!closed) {
                redraw();
            }
        } else if (changed) {
            err.println("[" + platform + "] -> " + phase.word() + elapsed(state, " (", ")"));
            err.flush();
        }
    }

    /** Stops redrawing and leaves the final block on screen. */
    @Override
    public void close() {
        Ticker.Ticking stopping;
        synchronized (this) {
            stopping = ticking;
            ticking = null;
        }
        if (stopping != null) {
            // Outside the lock: a redraw that is waiting for it must be able to finish.
            stopping.stop();
        }
        synchronized (this) {
            if (interactive && !closed) {
                redraw();
                drawnLines = 0; // the block stays as the last word; later output goes below it
            }
            closed = true;
        }
    }

    private synchronized void redraw() {
        erase();
        draw();
        err.flush();
    }

    private void erase() {
        if (drawnLines > 0) {
            err.print(CSI + drawnLines + "F" + CSI + "J");
        }
        drawnLines = 0;
    }

    private void draw() {
        for (Map.Entry<Platform, State> entry : states.entrySet()) {
            State state = entry.getValue();
            err.println(String.format(Locale.ROOT, "  %-" + width + "s  %-11s%s", entry.getKey(), state.phase.word(),
                    elapsed(state, " ", "")).stripTrailing());
            drawnLines++;
        }
    }

    private String elapsed(State state, String before, String after) {
        if (state.started < 0) {
            return "";
        }
        long end = state.ended >= 0 ? state.ended : nanoClock.getAsLong();
        return String.format(Locale.ROOT, "%s%.1f s%s", before, (end - state.started) / 1e9, after);
    }
}
