package io.jenkins.plugins.multiarch.engine.registry.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

/** What of a registry client can be checked without a registry: how it reads error bodies. */
class RegistryErrorsTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            // Distribution's error body: code and message, a scalar detail in parentheses
            "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}"
                    + " | MANIFEST_UNKNOWN manifest unknown",
            "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"repository name not known to registry\","
                    + "\"detail\":\"team/app\"}]} | NAME_UNKNOWN repository name not known to registry (team/app)",
            // structured details are left out rather than dumped
            "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\",\"detail\":{\"Tag\":\"1.0\"}}]}"
                    + " | MANIFEST_UNKNOWN manifest unknown",
            "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"requested access to the resource is denied\","
                    + "\"detail\":[{\"Type\":\"repository\",\"Name\":\"app\",\"Action\":\"push\"}]}]}"
                    + " | DENIED requested access to the resource is denied",
            "{\"errors\":[{\"code\":\"TOOMANYREQUESTS\",\"message\":\"slow down\",\"detail\":null}]}"
                    + " | TOOMANYREQUESTS slow down",
            // several errors, in order
            "{\"errors\":[{\"code\":\"BLOB_UNKNOWN\",\"message\":\"blob unknown to registry\",\"detail\":\"sha256:aa\"},"
                    + "{\"code\":\"MANIFEST_BLOB_UNKNOWN\",\"message\":\"blob unknown\"}]}"
                    + " | BLOB_UNKNOWN blob unknown to registry (sha256:aa); MANIFEST_BLOB_UNKNOWN blob unknown",
            // partial entries keep what they have
            "{\"errors\":[{\"code\":\"UNSUPPORTED\"}]}                     | UNSUPPORTED",
            "{\"errors\":[{\"message\":\"something broke\"}]}              | something broke",
    })
    void readsDistributionErrorBodies(String body, String expected) {
        assertThat(RegistryErrors.text(RegistryErrors.parse(body.getBytes(StandardCharsets.UTF_8)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @NullAndEmptySource
    @CsvSource(delimiter = '|', value = {
            "<html><body>502 Bad Gateway</body></html>",
            "not json",
            "{\"errors\":[]}",
            "{\"message\":\"no errors array\"}",
            "[]",
            "\"just a string\"",
            "{\"errors\":",
    })
    void anythingElseGivesNothing(String body) {
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);

        assertThat(RegistryErrors.parse(bytes)).isEmpty();
    }

    @Test
    void emptyByteArrayGivesNothing() {
        assertThat(RegistryErrors.parse(new byte[0])).isEmpty();
    }
}
