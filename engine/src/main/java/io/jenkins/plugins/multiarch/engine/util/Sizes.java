package io.jenkins.plugins.multiarch.engine.util;

import java.util.Locale;

/** Byte counts as people read them. */
public final class Sizes {

    private Sizes() {
    }

    /** 512 B, 1.5 KiB, 23.4 MiB ... */
    public static String human(long bytes) {
        if (bytes < 0) {
            return "?";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        // 1023.95 and up would print as "1024.0" in this unit: show it as 1.0 of the next
        while (value >= 1023.95 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
