package io.jenkins.plugins.multiarch.engine.process;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Keeps the last N lines, for error messages and for tools whose output carries a result (docker push). */
public final class TailLineSink implements LineSink {

    private final int capacity;
    private final Deque<String> lines = new ArrayDeque<>();

    public TailLineSink(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized void line(String line) {
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
