package io.jenkins.plugins.multiarch.fanout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep copies into LinkedHashMap and ArrayList: what the plan hands the Groovy must be plain, mutable-type
 * collections, which the Pipeline's program state (program.dat) serializes without surprises.
 */
final class PlainValues {

    private PlainValues() {
    }

    static Map<String, Object> copy(Map<String, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, copyValue(value)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return copy((Map<String, ?>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(copyValue(item)));
            return copy;
        }
        return value;
    }
}
