package io.jenkins.plugins.multiarch.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads what {@code --output json} printed: exactly one JSON document. Any other text on standard output, before or
 * after it (a progress line, a second document), fails the test, since scripts pipe it straight into {@code jq}.
 */
final class StdoutJson {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StdoutJson() {
    }

    static JsonNode parse(String stdout) {
        try {
            JsonNode json = STRICT.readTree(stdout);
            if (json == null || json.isMissingNode()) {
                throw new IllegalArgumentException("standard output is empty, expected one JSON document");
            }
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException("standard output is not exactly one JSON document:\n" + stdout, e);
        }
    }
}
