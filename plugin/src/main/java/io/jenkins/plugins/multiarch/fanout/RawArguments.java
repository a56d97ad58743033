package io.jenkins.plugins.multiarch.fanout;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The map a Jenkinsfile gave {@code multiArchImage}, read value by value with errors that name the argument.
 * Groovy hands over GStrings for interpolated text ({@code "${version}"}), so any CharSequence counts as text.
 */
final class RawArguments {

    private final Map<String, Object> values;

    private RawArguments(Map<String, Object> values) {
        this.values = values;
    }

    /** @throws FanOutArgumentException for a key that is not text or not one of {@code known} */
    static RawArguments of(Map<?, ?> raw, Collection<String> known) {
        if (raw == null) {
            throw new FanOutArgumentException(Messages.FanOutArguments_NoArguments());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : raw.entrySet()) {
            if (!(entry.getKey() instanceof CharSequence key)) {
                throw new FanOutArgumentException(Messages.FanOutArguments_KeyNotText(entry.getKey()));
            }
            String name = key.toString();
            if (!known.contains(name)) {
                String valid = String.join(", ", new TreeSet<>(known));
                throw new FanOutArgumentException(DidYouMean.closest(name, known)
                        .map(near -> Messages.FanOutArguments_UnknownKeyDidYouMean(name, near, valid))
                        .orElseGet(() -> Messages.FanOutArguments_UnknownKey(name, valid)));
            }
            values.put(name, entry.getValue());
        }
        return new RawArguments(values);
    }

    boolean has(String key) {
        return values.get(key) != null;
    }

    Set<String> keys() {
        return values.keySet();
    }

    /** Trimmed text, or null when absent; blank text counts as absent. */
    String text(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof CharSequence text)) {
            throw wrongType(key, value, Messages.FanOutArguments_TypeText());
        }
        String trimmed = text.toString().trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** true/false (also as the text {@code "true"} / {@code "false"}, as parameters give it), or null when absent. */
    Boolean bool(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof CharSequence text) {
            String word = text.toString().trim().toLowerCase(Locale.ROOT);
            if (word.equals("true") || word.equals("false")) {
                return Boolean.valueOf(word);
            }
        }
        throw wrongType(key, value, Messages.FanOutArguments_TypeBoolean());
    }

    /** A list of texts, each trimmed and not blank; one text counts as a list of one; null when absent. */
    List<String> textList(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        Collection<?> items;
        if (value instanceof CharSequence) {
            items = List.of(value);
        } else if (value instanceof Collection<?> collection) {
            items = collection;
        } else if (value instanceof Object[] array) {
            items = List.of(array);
        } else {
            throw wrongType(key, value, Messages.FanOutArguments_TypeList());
        }
        List<String> texts = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof CharSequence text) || text.toString().isBlank()) {
                throw new FanOutArgumentException(Messages.FanOutArguments_ListItem(key, describe(item)));
            }
            texts.add(text.toString().trim());
        }
        return texts;
    }

    /** A map of text to text, in the order given, or null when absent; keys are trimmed, values kept as given. */
    Map<String, String> textMap(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw wrongType(key, value, Messages.FanOutArguments_TypeMap());
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof CharSequence name) || name.toString().isBlank()) {
                throw new FanOutArgumentException(Messages.FanOutArguments_MapKey(key, describe(entry.getKey())));
            }
            Object item = entry.getValue();
            if (!(item instanceof CharSequence || item instanceof Number || item instanceof Boolean)) {
                throw new FanOutArgumentException(Messages.FanOutArguments_MapValue(key, name, describe(item)));
            }
            texts.put(name.toString().trim(), item.toString());
        }
        return texts;
    }

    /** A list of maps of text to text (e.g. {@code [[registry: 'ghcr.io', credentialsId: 'x']]}); null when absent. */
    List<Map<String, String>> mapList(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        Collection<?> items;
        if (value instanceof Map) {
            items = List.of(value);
        } else if (value instanceof Collection<?> collection) {
            items = collection;
        } else {
            throw wrongType(key, value, Messages.FanOutArguments_TypeMapList());
        }
        List<Map<String, String>> maps = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?>)) {
                throw new FanOutArgumentException(Messages.FanOutArguments_MapListItem(key, describe(item)));
            }
            maps.add(new RawArguments(Map.of(key, item)).textMap(key));
        }
        return maps;
    }

    private static FanOutArgumentException wrongType(String key, Object value, String expected) {
        return new FanOutArgumentException(Messages.FanOutArguments_WrongType(key, expected, describe(value)));
    }

    /** What a value is, for messages: its type, never its content (it may be a secret typed in the wrong place). */
    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof CharSequence text) {
            return text.toString().isBlank() ? Messages.FanOutArguments_BlankText() : Messages.FanOutArguments_TypeText();
        }
        if (value instanceof Map) {
            return Messages.FanOutArguments_TypeMap();
        }
        if (value instanceof Collection || value instanceof Object[]) {
            return Messages.FanOutArguments_TypeList();
        }
        if (value instanceof Boolean) {
            return Messages.FanOutArguments_TypeBoolean();
        }
        return value.getClass().getSimpleName();
    }
}
