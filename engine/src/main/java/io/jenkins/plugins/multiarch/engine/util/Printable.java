package io.jenkins.plugins.multiarch.engine.util;

/**
 * Text from elsewhere (a registry's error message, a tool's output line, the user's own arguments) made safe to
 * print: control characters, ANSI escape sequences and invisible direction marks become visible escapes
 * ({@code \e[31m}, {@code \n}, {@code \u202e}), so nobody's text can move the cursor, colour the terminal or forge a
 * line such as "Published ...". Long values are shortened in messages. Every message that quotes foreign text and
 * every front-end output path goes through here.
 */
public final class Printable {

    /** How long a value quoted in a message may be before it is shortened. */
    public static final int MESSAGE_VALUE_LENGTH = 200;

    private Printable() {
    }

    /** One value for a message: escaped, and shortened to {@link #MESSAGE_VALUE_LENGTH} characters. */
    public static String value(String text) {
        return shortened(text, MESSAGE_VALUE_LENGTH);
    }

    /**
     * Escaped, then, if longer than {@code max}, its start and a note of how much was left out:
     * {@code aaaa…(9,800 more characters)}.
     */
    public static String shortened(String text, int max) {
        String escaped = escaped(text);
        if (escaped.length() <= max) {
            return escaped;
        }
        int keep = Math.max(1, max - 30);
        if (Character.isHighSurrogate(escaped.charAt(keep - 1))) {
            keep--;
        }
        return escaped.substring(0, keep) + "…(" + String.format(java.util.Locale.ROOT, "%,d", escaped.length() - keep)
                + " more characters)";
    }

    /** Every character that is not printable as itself escaped; {@code null} prints as {@code null}. */
    public static String escaped(String text) {
        return escape(text, false);
    }

    /** As {@link #escaped}, but line breaks stay: for whole multi-line texts a program prints (tables, messages). */
    public static String lines(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepNewlines) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = (keepNewlines && c == '\n') ? null : replacement(c);
            if (replacement != null && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (replacement != null) {
                    sb.append(replacement);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? text : sb.toString();
    }

    private static String replacement(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case 0x1b:
                return "\\e";
            default:
                break;
        }
        if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || isInvisibleFormat(c)) {
            return String.format(java.util.Locale.ROOT, c < 0x100 ? "\\x%02x" : "\\u%04x", (int) c);
        }
        return null;
    }

    /** Direction overrides and zero-width marks: they reorder or hide what a terminal shows. */
    private static boolean isInvisibleFormat(char c) {
        return (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0xfeff || c == 0x2028 || c == 0x2029;
    }
}
