package io.jenkins.plugins.multiarch.engine.host;

import io.jenkins.plugins.multiarch.testkit.FaultCase;
import io.jenkins.plugins.multiarch.engine.error.MultiarchException;
import io.jenkins.plugins.multiarch.engine.registry.auth.Credentials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DockerConfigCredentialsTest {

    @TempDir
    Path dir;

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    Path write(String json) throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        return file;
    }

    @Nested
    class Auths {

        DockerConfigCredentials provider;

        @BeforeEach
        void config() throws IOException {
            provider = DockerConfigCredentials.load(write("""
                    {
                      "auths": {
                        "127.0.0.1:5000": {"auth": "%s"},
                        "https://index.docker.io/v1/": {"auth": "%s"},
                        "registry.example.com": {"username": "bob", "password": "bob-password"},
                        "https://ports.example.com:8443/v2/": {"auth": "%s"},
                        "token.example.com": {"auth": "", "identitytoken": "refresh-token-value"},
                        "named-token.example.com": {"username": "carol", "identitytoken": "carol-refresh"},
                        "placeholder.example.com": {}
                      },
                      "HttpHeaders": {"User-Agent": "Docker-Client"}
                    }
                    """.formatted(base64("alice:s3cret"), base64("hubuser:hub:pass:with:colons"),
                    base64("dave:dave-pw"))));
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "127.0.0.1:5000,          alice,   s3cret",
                "docker.io,               hubuser, hub:pass:with:colons",
                "index.docker.io,         hubuser, hub:pass:with:colons",
                "registry-1.docker.io,    hubuser, hub:pass:with:colons",
                "registry.example.com,    bob,     bob-password",
                "ports.example.com:8443,  dave,    dave-pw",
        })
        void usernameAndPassword(String registry, String username, String password) {
            Credentials credentials = provider.find(registry).orElseThrow();

            assertThat(credentials.username()).isEqualTo(username);
            assertThat(credentials.secret()).isEqualTo(password);
            assertThat(credentials.isIdentityToken()).isFalse();
        }

        @Test
        void identityTokenWithoutUsername() {
            Credentials credentials = provider.find("token.example.com").orElseThrow();

            assertThat(credentials.isIdentityToken()).isTrue();
            assertThat(credentials.username()).isEqualTo("<token>");
            assertThat(credentials.secret()).isEqualTo("refresh-token-value");
        }

        @Test
        void identityTokenKeepsItsUsername() {
            Credentials credentials = provider.find("named-token.example.com").orElseThrow();

            assertThat(credentials.isIdentityToken()).isTrue();
            assertThat(credentials.username()).isEqualTo("carol");
            assertThat(credentials.secret()).isEqualTo("carol-refresh");
        }

        @ParameterizedTest
        @ValueSource(strings = {"placeholder.example.com", "unknown.example.com", "127.0.0.1:5001", "127.0.0.1",
                "ports.example.com", "example.com", "ghcr.io"})
        void nothingForOtherRegistries(String registry) {
            assertThat(provider.find(registry)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "registry.example.com,                 registry.example.com",
            "registry.example.com:5000,            registry.example.com:5000",
            "https://registry.example.com,         registry.example.com",
            "http://registry.example.com:5000/v2/, registry.example.com:5000",
            "https://index.docker.io/v1/,          index.docker.io",
            "docker.io,                            index.docker.io",
            "https://registry-1.docker.io/v2/,     index.docker.io",
    })
    void configKeysAreHostsOrUrls(String key, String host) {
        assertThat(DockerConfigCredentials.hostOf(key)).isEqualTo(host);
    }

    @Test
    void dockerHubUnderItsShortName() throws IOException {
        DockerConfigCredentials provider = DockerConfigCredentials.load(write(
                "{\"auths\":{\"docker.io\":{\"auth\":\"" + base64("u:p") + "\"}}}"));

        assertThat(provider.find("docker.io").map(Credentials::username)).contains("u");
    }

    @ParameterizedTest(name = "auth ''{0}''")
    @FaultCase(area = "secrets", fault = "a config.json auth entry that is not base64 of user:password",
            outcome = "names file and key, never the secret")
    @ValueSource(strings = {"!!!not-base64!!!", "c2VjcmV0", "bm9jb2xvbg=="})
    void badAuthNamesFileAndKeyButNotTheSecret(String auth) throws IOException {
        // c2VjcmV0 is base64 of "secret", bm9jb2xvbg== of "nocolon": decodable, but not user:password
        Path file = write("{\"auths\":{\"bad.example.com\":{\"auth\":\"" + auth + "\"}}}");
        DockerConfigCredentials provider = DockerConfigCredentials.load(file);

        assertThatThrownBy(() -> provider.find("bad.example.com"))
                .isInstanceOf(MultiarchException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("'bad.example.com'")
                .hasMessageContaining("not base64 of user:password")
                .message().doesNotContain(auth, "secret", "nocolon");
    }

    @Test
    void badAuthOfAnotherRegistryDoesNotMatter() throws IOException {
        DockerConfigCredentials provider = DockerConfigCredentials.load(write(
                "{\"auths\":{\"bad.example.com\":{\"auth\":\"!!!\"},\"good.example.com\":{\"auth\":\""
                        + base64("u:p") + "\"}}}"));

        assertThat(provider.find("good.example.com")).isPresent();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"[]", "\"text\"", "42"})
    void configThatIsNotAnObject(String json) throws IOException {
        Path file = write(json);

        assertThatThrownBy(() -> DockerConfigCredentials.load(file))
                .isInstanceOf(MultiarchException.class)
                .hasMessageContaining("Docker config " + file + " is not a JSON object");
    }

    @Test
    void missingConfig() {
        Path file = dir.resolve("absent.json");

        assertThatThrownBy(() -> DockerConfigCredentials.load(file))
                .isInstanceOf(MultiarchException.class)
                .hasMessageContaining("cannot read Docker config " + file);
    }

    @Test
    @FaultCase(area = "secrets", fault = "a malformed config.json",
            outcome = "names the file, not its content")
    void malformedConfigNamesTheFileButNotWhatIsInIt() throws IOException {
        // an unquoted auth value: Jackson quotes unrecognized tokens in its messages
        Path file = write("{\"auths\":{\"r.example.com\":{\"auth\":dXNlcjpodW50ZXIy}}}");

        assertThatThrownBy(() -> DockerConfigCredentials.load(file))
                .isInstanceOf(MultiarchException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 1")
                .satisfies(e -> assertThat(stackTraceOf(e)).doesNotContain("dXNlcjpodW50ZXIy"));
    }

    static String stackTraceOf(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    @Test
    void emptyConfigHasNoCredentials() throws IOException {
        assertThat(DockerConfigCredentials.load(write("{}")).find("docker.io")).isEmpty();
    }

    /**
     * Credential helpers, run from a directory of our own: {@code docker-credential-test} answers for two servers
     * and says "not found" (exit 1) for the rest, as real helpers do; it records the server it was asked for.
     */
    @Nested
    class Helpers {

        Path bin;
        Path asked;

        @BeforeEach
        void helpers() throws IOException {
            bin = Files.createDirectory(dir.resolve("bin"));
            asked = dir.resolve("asked.txt");
            script("test", """
                    #!/bin/sh
                    read -r server
                    printf '%%s\\n' "$server" >> '%s'
                    case "$server" in
                      127.0.0.1:5000) echo '{"ServerURL":"127.0.0.1:5000","Username":"helper-user","Secret":"helper-secret"}' ;;
                      https://index.docker.io/v1/) echo '{"ServerURL":"https://index.docker.io/v1/","Username":"<token>","Secret":"hub-refresh"}' ;;
                      empty.example.com) echo '{"Username":"someone","Secret":""}' ;;
                      *) echo 'credentials not found in native keychain'; exit 1 ;;
                    esac
                    """.formatted(asked));
            script("store", """
                    #!/bin/sh
                    read -r server
                    echo "{\\"Username\\":\\"store-user\\",\\"Secret\\":\\"store-secret-for-$server\\"}"
                    """);
        }

        void script(String name, String body) throws IOException {
            Path file = bin.resolve("docker-credential-" + name);
            Files.writeString(file, body);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }

        Optional<Credentials> find(String configJson, String registry) throws IOException {
            return DockerConfigCredentials.load(write(configJson), bin).find(registry);
        }

        @Test
        void credHelperForOneRegistryWinsOverItsAuthsEntry() throws IOException {
            Credentials credentials = find("{\"credHelpers\":{\"127.0.0.1:5000\":\"test\"},"
                    + "\"auths\":{\"127.0.0.1:5000\":{\"auth\":\"" + base64("inline:inline") + "\"}}}", "127.0.0.1:5000")
                    .orElseThrow();

            assertThat(credentials.username()).isEqualTo("helper-user");
            assertThat(credentials.secret()).isEqualTo("helper-secret");
            assertThat(credentials.isIdentityToken()).isFalse();
            assertThat(Files.readAllLines(asked)).containsExactly("127.0.0.1:5000");
        }

        @Test
        void dockerHubIsAskedForByItsIndexUrlAndTokenUserMeansIdentityToken() throws IOException {
            Credentials credentials = find("{\"credHelpers\":{\"https://index.docker.io/v1/\":\"test\"}}", "docker.io")
                    .orElseThrow();

            assertThat(credentials.isIdentityToken()).isTrue();
            assertThat(credentials.secret()).isEqualTo("hub-refresh");
            assertThat(Files.readAllLines(asked)).containsExactly("https://index.docker.io/v1/");
        }

        @Test
        void credHelpersOnlyServeTheirRegistry() throws IOException {
            String config = "{\"credHelpers\":{\"127.0.0.1:5000\":\"test\"},"
                    + "\"auths\":{\"registry.example.com\":{\"auth\":\"" + base64("inline:pw") + "\"}}}";

            assertThat(find(config, "registry.example.com").map(Credentials::username)).contains("inline");
            assertThat(find(config, "ghcr.io")).isEmpty();
            assertThat(asked).doesNotExist();
        }

        @Test
        void credsStoreServesRegistriesWithoutInlineCredentials() throws IOException {
            // 'docker login' with a credsStore leaves an empty auths entry behind
            String config = "{\"credsStore\":\"store\",\"auths\":{\"registry.example.com\":{},"
                    + "\"inline.example.com\":{\"auth\":\"" + base64("inline:pw") + "\"}}}";

            assertThat(find(config, "registry.example.com").orElseThrow().secret())
                    .isEqualTo("store-secret-for-registry.example.com");
            assertThat(find(config, "ghcr.io").orElseThrow().username()).isEqualTo("store-user");
            assertThat(find(config, "inline.example.com").orElseThrow().username()).isEqualTo("inline");
        }

        @Test
        void credHelperWinsOverCredsStore() throws IOException {
            String config = "{\"credsStore\":\"store\",\"credHelpers\":{\"127.0.0.1:5000\":\"test\"}}";

            assertThat(find(config, "127.0.0.1:5000").orElseThrow().username()).isEqualTo("helper-user");
        }

        @ParameterizedTest
        @ValueSource(strings = {"unknown.example.com", "empty.example.com"})
        void helperWithoutCredentialsGivesNone(String registry) throws IOException {
            assertThat(find("{\"credsStore\":\"test\"}", registry)).isEmpty();
            assertThat(Files.readAllLines(asked)).containsExactly(registry);
        }

        @Test
        void missingHelperIsNamedWithTheConfigAndAFix() throws IOException {
            Path file = write("{\"credsStore\":\"absent\"}");
            DockerConfigCredentials provider = DockerConfigCredentials.load(file, bin);

            assertThatThrownBy(() -> provider.find("registry.example.com"))
                    .isInstanceOf(MultiarchException.class)
                    .hasMessageContaining("docker-credential-absent")
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("install it or remove it from the config");
        }

        @Test
        @FaultCase(area = "secrets", fault = "a credential helper answering non-JSON",
                outcome = "reported without its content (it may be the secret)")
        void helperAnswerThatIsNotJsonIsReportedWithoutItsContent() throws IOException {
            script("garbled", """
                    #!/bin/sh
                    read -r server
                    echo 'hunter2secret'
                    """);
            DockerConfigCredentials provider = DockerConfigCredentials.load(write("{\"credsStore\":\"garbled\"}"), bin);

            assertThatThrownBy(() -> provider.find("registry.example.com"))
                    .isInstanceOf(MultiarchException.class)
                    .hasMessageContaining("docker-credential-garbled")
                    .hasMessageContaining("not JSON")
                    .satisfies(e -> assertThat(stackTraceOf(e)).doesNotContain("hunter2secret"));
        }

        @Test
        void credentialsFromAHelperDoNotShowTheirSecret() throws IOException {
            Credentials credentials = find("{\"credsStore\":\"test\"}", "127.0.0.1:5000").orElseThrow();

            assertThat(credentials.toString()).doesNotContain("helper-secret").contains("helper-user");
        }
    }
}
