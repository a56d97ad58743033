package io.jenkins.plugins.multiarch.engine.registry.transport;

import java.time.Duration;
import java.util.Locale;

/** Durations in messages: {@code 90 s}, {@code 200 ms}, {@code 30 min}; never a sub-second limit shown as 0 s. */
public final class Durations {

    private Durations() {
    }

    public static String text(Duration d) {
        long millis = d.toMillis();
        if (millis >= 120_000 && millis % 60_000 == 0) {
            return millis / 60_000 + " min";
        }
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
