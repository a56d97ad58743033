package io.jenkins.plugins.multiarch.engine.verify.binary;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A script's {@code #!} line, split the way the Linux kernel does: the interpreter is the first word, the rest is one
 * optional argument. Only spaces and tabs separate; a trailing {@code \r} (a script saved with CRLF) stays part of the
 * line, as it does for the kernel.
 *
 * @param line        the text after {@code #!}, trimmed
 * @param interpreter the interpreter path, e.g. {@code /bin/sh}; empty if the line names none
 * @param argument    the rest of the line, or empty
 */
record Shebang(String line, String interpreter, String argument) {

    /** The {@code #!} line at the start of {@code head}, or {@code null} if there is none. */
    static Shebang parse(byte[] head) {
        if (head.length < 2 || head[0] != '#' || head[1] != '!') {
            return null;
        }
        int end = 2;
        while (end < head.length && head[end] != '\n') {
            end++;
        }
        String line = strip(new String(head, 2, end - 2, StandardCharsets.UTF_8));
        int split = 0;
        while (split < line.length() && line.charAt(split) != ' ' && line.charAt(split) != '\t') {
            split++;
        }
        return new Shebang(line, line.substring(0, split), strip(line.substring(split)));
    }

    /** Whether the interpreter is {@code env}, which looks the real interpreter up via PATH. */
    boolean usesEnv() {
        return ImagePath.name(interpreter).equals("env");
    }

    /**
     * For {@code #!/usr/bin/env [-S] [NAME=value…] program …}: the program, or {@code null} if there is none. Options and
     * variable assignments are skipped; {@code -S} lines are split into words as env does.
     */
    String envProgram() {
        List<String> words = Arrays.asList(argument.split("[ \t]+"));
        for (String word : words) {
            if (word.isEmpty() || word.startsWith("-") || word.contains("=")) {
                continue;
            }
            return word;
        }
        return null;
    }

    private static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        return text.substring(start, end);
    }
}
