package io.jenkins.plugins.multiarch.engine.process;

import java.util.Objects;

/** Puts a fixed prefix such as {@code [linux/arm64] } before each line, so parallel builds' output stays readable. */
public final class PrefixingLineSink implements LineSink {

    private final String prefix;
    private final LineSink delegate;

    public PrefixingLineSink(String prefix, LineSink delegate) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The {@code [label] } prefix convention used for platforms. */
    public static PrefixingLineSink bracketed(String label, LineSink delegate) {
        return new PrefixingLineSink("[" + label + "] ", delegate);
    }

    @Override
    public void line(String line) {
        delegate.line(prefix + line);
    }
}
