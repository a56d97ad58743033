package io.jenkins.plugins.multiarch.engine.imagebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import io.jenkins.plugins.multiarch.engine.registry.auth.Credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DockerConfigJsonTest {

    @Test
    void oneAuthEntryPerRegistryWithBase64UserColonPassword() throws Exception {
        byte[] json = DockerConfigJson.render(Map.of(SampleBuilds.REGISTRY,
                Credentials.of("ci-bot", SampleBuilds.PASSWORD), "docker.io", Credentials.of("hubuser", "hubtoken")));

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
        assertThat(DockerConfigJson.secretsIn(SampleBuilds.CREDENTIALS)).containsExactly(
                SampleBuilds.PASSWORD,
                Base64.getEncoder().encodeToString(("ci-bot:" + SampleBuilds.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void credentialsNeverPrintThePassword() {
        assertThat(SampleBuilds.CREDENTIALS.toString()).doesNotContain(SampleBuilds.PASSWORD).contains("ci-bot", "****");
        assertThatThrownBy(() -> Credentials.of("a:b", "p")).hasMessageContaining("contains ':'");
    }

    @Test
    void theUsersConfigIsKeptExceptForTheGivenRegistriesAndTheContext(@org.junit.jupiter.api.io.TempDir java.nio.file.Path user)
            throws Exception {
        java.nio.file.Files.writeString(user.resolve("config.json"), """
                {"auths": {"other.example.com": {"auth": "b3RoZXI6cGFzcw=="},
                           "registry.example.com:5000": {"auth": "b2xkOm9sZA==", "identitytoken": "stale"}},
                 "credsStore": "desktop", "credHelpers": {"gcr.io": "gcloud"},
                 "currentContext": "remote", "proxies": {"default": {}}}
                """);
        java.nio.file.Files.createDirectory(user.resolve("cli-plugins"));

        JsonNode config = new ObjectMapper().readTree(DockerConfigJson.render(SampleBuilds.CREDENTIALS, user));

        assertThat(config.get("auths").get("other.example.com").get("auth").asText()).isEqualTo("b3RoZXI6cGFzcw==");
        assertThat(config.get("auths").get("registry.example.com:5000").toString())
                .isEqualTo(new ObjectMapper().readTree(DockerConfigJson.render(SampleBuilds.CREDENTIALS))
                        .get("auths").get("registry.example.com:5000").toString());
        assertThat(config.get("credsStore").asText()).isEqualTo("desktop");
        // An empty helper makes Docker read our auths entry for that registry despite credsStore.
        assertThat(config.get("credHelpers").toString()).isEqualTo("{\"gcr.io\":\"gcloud\",\"registry.example.com:5000\":\"\"}");
        assertThat(config.get("cliPluginsExtraDirs").get(0).asText()).isEqualTo(user.resolve("cli-plugins").toString());
        assertThat(config.has("currentContext")).isFalse();
        assertThat(config.has("proxies")).isFalse();
    }

    @Test
    void withoutAUserConfigOnlyTheCredentialsAreWritten(@org.junit.jupiter.api.io.TempDir java.nio.file.Path user)
            throws Exception {
        assertThat(DockerConfigJson.render(SampleBuilds.CREDENTIALS, user))
                .isEqualTo(DockerConfigJson.render(SampleBuilds.CREDENTIALS));
    }

    @Test
    void aUserConfigThatIsNoJsonObjectIsAnError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path user) throws Exception {
        java.nio.file.Files.writeString(user.resolve("config.json"), "[]");

        assertThatThrownBy(() -> DockerConfigJson.render(SampleBuilds.CREDENTIALS, user))
                .isInstanceOf(java.io.IOException.class).hasMessageEndingWith("config.json is not a JSON object");
    }
}
