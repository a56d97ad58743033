package io.jenkins.plugins.multiarch.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The binary check's byte budget as people type it ({@code 512MiB}), read by the rules of the CLI's
 * {@code --binary-budget}: a whole number of bytes, or with a unit K, M, G or T (also KB/KiB, MB/MiB ...), every
 * unit a power of 1024; more than 0. Kept here rather than taken from the engine, whose utilities are internal.
 */
public final class BinaryBudget {

    /** What the binary check reads when nothing is configured, as the CLI does. */
    public static final String DEFAULT = "512MiB";

    static final long DEFAULT_BYTES = 512L * 1024 * 1024;

    private static final Pattern SIZE = Pattern.compile("([0-9]+)\\s*([kmgt](?:i?b)?|b)?", Pattern.CASE_INSENSITIVE);

    private BinaryBudget() {
    }

    /**
     * The budget in bytes; blank means {@link #DEFAULT}.
     *
     * @throws IllegalArgumentException with a message for the user
     */
    public static long bytes(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_BYTES;
        }
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(Messages.BinaryBudget_Invalid(text));
        }
        int shift = unitShift(m.group(2));
        long value;
        try {
            value = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Messages.BinaryBudget_TooLarge(text), e);
        }
        if (value > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException(Messages.BinaryBudget_TooLarge(text));
        }
        if (value == 0) {
            throw new IllegalArgumentException(Messages.BinaryBudget_Zero(text));
        }
        return value << shift;
    }

    /** The form check of a budget field. */
    public static FieldValidation check(String text) {
        try {
            bytes(text);
            return FieldValidation.ok();
        } catch (IllegalArgumentException e) {
            return FieldValidation.error(e.getMessage());
        }
    }

    private static int unitShift(String unit) {
        if (unit == null) {
            return 0;
        }
        return switch (unit.toLowerCase(Locale.ROOT).charAt(0)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            case 't' -> 40;
            default -> 0;
        };
    }
}
