package io.jenkins.plugins.multiarch.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Map arguments as Pipeline hands them over: declared {@code Map<String, String>}, but Groovy may put GStrings or
 * numbers in them ({@code [VERSION: "${v}"]}, {@code [N: 3]}), so every key and value is read as an Object.
 */
public final class StepMaps {

    private StepMaps() {
    }

    /** An insertion-ordered copy with every key and value made a String; empty for null. */
    public static Map<String, String> copy(Map<?, ?> map, String argument) {
        if (map == null) {
            return Collections.emptyMap();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null) {
                throw new io.jenkins.plugins.multiarch.engine.error.InvalidInputException(
                        Messages.StepMaps_Null(argument, entry.getKey()));
            }
            copy.put(entry.getKey().toString(), entry.getValue().toString());
        }
        return copy;
    }
}
