package io.jenkins.plugins.multiarch.engine.registry.transport;

import io.jenkins.plugins.multiarch.engine.util.Printable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.multiarch.engine.error.RegistryError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Reads a Distribution error body: {@code {"errors":[{"code":..., "message":..., "detail":...}]}}. */
public final class RegistryErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RegistryErrors() {
    }

    /** The entries of an error body; empty when the body is empty or not such JSON. */
    public static List<RegistryError> parse(byte[] body) {
        List<RegistryError> errors = new ArrayList<>();
        if (body == null || body.length == 0) {
            return errors;
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null) {
                return errors;
            }
            for (JsonNode error : root.path("errors")) {
                JsonNode detail = error.get("detail");
                errors.add(new RegistryError(error.path("code").asText(""), error.path("message").asText(""),
                        detail != null && !detail.isNull() && detail.isValueNode() ? detail.asText() : null));
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return errors;
    }

    /** {@code CODE message; CODE message}, as messages show the entries; empty for none. */
    public static String text(List<RegistryError> errors) {
        return errors.stream().map(error -> Printable.value(error.toString())).collect(Collectors.joining("; ")).trim();
    }
}
