package io.jenkins.plugins.multiarch.engine.util;


import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Byte counts as people read them. */
public final class Sizes {

    /** A count and an optional unit: {@code 512MiB}, {@code 64M}, {@code 1 G}, {@code 1048576}. */
    private static final Pattern SIZE = Pattern.compile("([0-9]+)\\s*([kmgt](?:i?b)?|b)?",
            Pattern.CASE_INSENSITIVE);

    private Sizes() {
    }

    /**
     * Parses a size as people write it on command lines: a whole number of bytes, or with a unit K, M, G or T
     * (also written KB/KiB, MB/MiB ...). Every unit is a power of 1024, as in Docker's and the JVM's options, so
     * {@code 64M} and {@code 64MiB} are the same.
     *
     * @param what names the input in the error, e.g. {@code --binary-budget}
     * @throws InvalidSizeException naming the input and showing valid forms; also for zero
     */
    public static long parse(String text, String what) {
        Matcher m = text == null ? null : SIZE.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new InvalidSizeException(InvalidSizeException.Reason.NOT_A_SIZE, "invalid " + what + " '" + text
                    + "': expected a size such as 512MiB, 64M, 1G or 1048576 (bytes); units K, M, G, T are powers of 1024");
        }
        String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
        int shift = switch (unit.isEmpty() ? 'b' : unit.charAt(0)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            case 't' -> 40;
            default -> 0;
        };
        long value;
        try {
            value = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            value = -1; // more digits than a long holds
        }
        if (value < 0 || value > (Long.MAX_VALUE >> shift)) {
            throw new InvalidSizeException(InvalidSizeException.Reason.TOO_LARGE, "invalid " + what + " '" + text
                    + "': too large; at most " + human(Long.MAX_VALUE));
        }
        if (value == 0) {
            throw new InvalidSizeException(InvalidSizeException.Reason.ZERO, "invalid " + what + " '" + text
                    + "': must be more than 0, e.g. 512MiB");
        }
        return value << shift;
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
