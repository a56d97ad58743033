package io.jenkins.plugins.multiarch.engine.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DockerConfigJsonTest {

    @Test
    void oneAuthEntryPerRegistryWithBase64UserColonPassword() throws Exception {
        byte[] json = DockerConfigJson.render(List.of(SampleBuilds.CREDENTIALS,
                new RegistryCredentials("docker.io", "hubuser", "hubtoken")));

        JsonNode auths = new ObjectMapper().readTree(json).get("auths");
        assertThat(auths.size()).isEqualTo(2);
        String encoded = auths.get("registry.example.com:5000").get("auth").asText();
        assertThat(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8))
                .isEqualTo("ci-bot:" + SampleBuilds.PASSWORD);
        assertThat(auths.get("https://index.docker.io/v1/").get("auth").asText())
                .isEqualTo(Base64.getEncoder().encodeToString("hubuser:hubtoken".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void secretsAreThePasswordAndTheEncodedPair() {
        assertThat(DockerConfigJson.secretsIn(List.of(SampleBuilds.CREDENTIALS))).containsExactly(
                SampleBuilds.PASSWORD,
                Base64.getEncoder().encodeToString(("ci-bot:" + SampleBuilds.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void credentialsNeverPrintThePassword() {
        assertThat(SampleBuilds.CREDENTIALS.toString()).doesNotContain(SampleBuilds.PASSWORD).contains("ci-bot", "****");
        assertThatThrownBy(() -> new RegistryCredentials("r.example.com", "a:b", "p"))
                .hasMessageContaining("contains ':'");
    }
}
