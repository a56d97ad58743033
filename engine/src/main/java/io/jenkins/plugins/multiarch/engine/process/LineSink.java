package io.jenkins.plugins.multiarch.engine.process;

/**
 * Receives a command's output one line at a time (without the line terminator). Implementations used from
 * several builds at once must be thread-safe; {@link #synchronizedSink} makes any sink so.
 */
@FunctionalInterface
public interface LineSink {

    void line(String line);

    /** A sink that drops everything. */
    static LineSink discard() {
        return line -> { };
    }

    /** Wraps {@code delegate} so lines from parallel builds never interleave mid-line. */
    static LineSink synchronizedSink(LineSink delegate) {
        Object lock = new Object();
        return line -> {
            synchronized (lock) {
                delegate.line(line);
            }
        };
    }

    /** Sends each line to this sink and then to {@code other}. */
    default LineSink andThen(LineSink other) {
        return line -> {
            line(line);
            other.line(line);
        };
    }
}
