package io.jenkins.plugins.multiarch.freestyle;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The freestyle forms' text fields read as the maps and lists the steps take: {@code NAME=VALUE} lines, and words
 * separated by spaces, commas or new lines. Blank lines and lines starting with {@code #} are skipped.
 */
public final class TextArguments {

    private TextArguments() {
    }

    /**
     * @throws InvalidInputException naming the field and the line that is not {@code NAME=VALUE}, or a name given twice
     */
    public static Map<String, String> pairs(String field, String text) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (text == null) {
            return pairs;
        }
        int number = 0;
        for (String line : text.split("\\R")) {
            number++;
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                throw new InvalidInputException(Messages.TextArguments_NotAPair(field, number, trimmed));
            }
            String name = trimmed.substring(0, equals).trim();
            if (pairs.put(name, trimmed.substring(equals + 1).trim()) != null) {
                throw new InvalidInputException(Messages.TextArguments_Twice(field, name));
            }
        }
        return pairs;
    }

    /** The words of a field, in order, without duplicates. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        for (String word : text.split("[\\s,]+")) {
            if (!word.isEmpty() && !words.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }
}
