package io.jenkins.plugins.multiarch.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.multiarch.engine.verify.CheckResult;
import java.util.List;

/** The CLI's JSON: indented, and check results written one way everywhere. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code check}, {@code status}, {@code message} and {@code details} of each result. */
    static void checks(ArrayNode array, List<CheckResult> checks) {
        for (CheckResult check : checks) {
            ObjectNode node = array.addObject();
            node.put("check", check.check());
            node.put("status", check.status().name());
            node.put("message", check.message());
            ObjectNode details = node.putObject("details");
            check.details().forEach(details::put);
        }
    }
}
