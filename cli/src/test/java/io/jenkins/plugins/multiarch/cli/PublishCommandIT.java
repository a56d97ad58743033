package io.jenkins.plugins.multiarch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.ScratchImage;
import io.jenkins.plugins.multiarch.testkit.Skopeo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The CLI contract of {@code multiarch publish} and {@code inspect}, run as processes against real registries. */
class PublishCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Nested
    class Anonymous {

        @RegisterExtension
        static final RegistryExtension registry = RegistryExtension.anonymous();

        static String amd64;
        static String arm64;

        @BeforeAll
        static void push() {
            amd64 = ScratchImage.forPlatform("linux/amd64").file("/hello", "amd64").pushTo(registry.host(), "cli/app:amd64");
            arm64 = ScratchImage.forPlatform("linux/arm64").file("/hello", "arm64").pushTo(registry.host(), "cli/app:arm64");
        }

        @Test
        void publishThenInspectShowsBothPlatforms() throws Exception {
            String repo = registry.host() + "/cli/app";
            MultiarchProcess.Outcome publish = MultiarchProcess.run("publish", repo + ":1.0", "--tag", "latest",
                    "--source", "linux/amd64=" + repo + ":amd64", "--source", "linux/arm64=" + repo + "@" + arm64);

            assertThat(publish.exitCode()).as(publish.stderr()).isZero();
            assertThat(publish.stdout()).contains("Published " + repo + "@sha256:", "tags written:   1.0, latest",
                    "linux/amd64", amd64, "linux/arm64", arm64);

            MultiarchProcess.Outcome inspect = MultiarchProcess.run("inspect", repo + ":latest", "--output", "json");
            assertThat(inspect.exitCode()).as(inspect.stderr()).isZero();
            JsonNode json = StdoutJson.parse(inspect.stdout());
            assertThat(json.path("mediaType").asText()).isEqualTo("application/vnd.oci.image.index.v1+json");
            assertThat(json.path("platforms").findValuesAsText("platform")).containsExactly("linux/amd64", "linux/arm64");
            assertThat(json.path("platforms").findValuesAsText("digest")).containsExactly(amd64, arm64);

            String raw = Skopeo.rawManifest(repo + ":1.0", null);
            assertThat(JSON.readTree(raw).path("manifests").findValuesAsText("digest")).containsExactly(amd64, arm64);

            MultiarchProcess.Outcome text = MultiarchProcess.run("inspect", repo + ":1.0");
            assertThat(text.exitCode()).as(text.stderr()).isZero();
            assertThat(text.stdout()).contains("OCI image index", "2 platforms", "linux/amd64", "linux/arm64");
        }

        @Test
        void aPublishThatTalksOnlyPlainHttpSetsUpNoTls(@TempDir Path scratch) throws Exception {
            // Without the start-up archive (which loads what its training loaded), so the log shows what this run used.
            Path classes = scratch.resolve("classes.log");
            String repo = registry.host() + "/cli/app";
            MultiarchProcess.Outcome publish = MultiarchProcess.run(null,
                    Map.of("MULTIARCH_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes),
                    "publish", repo + ":plain-http", "--source", "linux/amd64=" + repo + ":amd64");

            assertThat(publish.exitCode()).as(publish.stderr()).isZero();
            List<String> loaded = Files.readAllLines(classes);
            assertThat(loaded).as("the log records the run").anyMatch(line -> line.contains(" java.net.http.HttpClient "));
            // TLS set-up costs 0.05 s of a CLI run: the providers (elliptic curves), the default parameters, the CA store.
            assertThat(loaded).as("TLS classes a plain-HTTP publish loaded").noneMatch(line ->
                    line.contains(" sun.security.ssl.") || line.contains(" sun.security.ec.")
                            || line.contains("TrustStoreManager"));
        }

        @Test
        void jsonOutputIsTheResultAndARerunWritesNothing() throws Exception {
            String repo = registry.host() + "/cli/app";
            String[] args = {"publish", repo + ":json", "--source", "linux/amd64=" + repo + ":amd64", "--output", "json"};
            MultiarchProcess.Outcome first = MultiarchProcess.run(args);
            MultiarchProcess.Outcome second = MultiarchProcess.run(args);

            assertThat(first.exitCode()).as(first.stderr()).isZero();
            assertThat(second.exitCode()).as(second.stderr()).isZero();
            JsonNode a = StdoutJson.parse(first.stdout());
            JsonNode b = StdoutJson.parse(second.stdout());
            assertThat(a.path("tagsWritten")).map(JsonNode::asText).containsExactly("json");
            assertThat(a.path("tagsUnchanged")).isEmpty();
            assertThat(b.path("tagsWritten")).isEmpty();
            assertThat(b.path("tagsUnchanged")).map(JsonNode::asText).containsExactly("json");
            assertThat(b.path("digest").asText()).startsWith("sha256:").isEqualTo(a.path("digest").asText());
        }

        @Test
        void aMislabelledSourceFailsWithOneLineAndWritesNoTag() throws Exception {
            String repo = registry.host() + "/cli/app";
            MultiarchProcess.Outcome outcome = MultiarchProcess.run("publish", repo + ":bad",
                    "--source", "linux/arm64=" + repo + ":amd64");

            assertThat(outcome.exitCode()).isEqualTo(1);
            assertThat(outcome.stdout()).isEmpty();
            assertThat(outcome.stderr().strip().lines()).hasSize(1);
            assertThat(outcome.stderr()).contains("multiarch: error: nothing was published",
                    "is linux/amd64: publishing it would make arm64 hosts fail with 'exec format error'");
            MultiarchProcess.Outcome inspect = MultiarchProcess.run("inspect", repo + ":bad");
            assertThat(inspect.exitCode()).isEqualTo(1);
            assertThat(inspect.stderr()).contains("was not found");
        }

        @Test
        void badInputIsAUsageErrorNamingTheInput() throws Exception {
            String repo = registry.host() + "/cli/app";
            MultiarchProcess.Outcome platform = MultiarchProcess.run("publish", repo + ":x",
                    "--source", "linux/arm65=" + repo + ":amd64");
            assertThat(platform.exitCode()).isEqualTo(2);
            assertThat(platform.stderr()).contains("invalid platform 'linux/arm65'", "unknown architecture 'arm65'",
                    "linux/arm64");

            MultiarchProcess.Outcome reference = MultiarchProcess.run("publish", repo + ":x",
                    "--source", "linux/amd64=" + registry.host() + "/Cli/App:1");
            assertThat(reference.exitCode()).isEqualTo(2);
            assertThat(reference.stderr()).contains("repository names must be lowercase");

            MultiarchProcess.Outcome duplicate = MultiarchProcess.run("publish", repo + ":x",
                    "--source", "linux/amd64=" + repo + ":amd64", "--source", "x86_64=" + repo + ":amd64");
            assertThat(duplicate.exitCode()).isEqualTo(2);
            assertThat(duplicate.stderr()).contains("platform linux/amd64 is given twice");

            MultiarchProcess.Outcome none = MultiarchProcess.run("publish", repo + ":x");
            assertThat(none.exitCode()).isEqualTo(2);
            assertThat(none.stderr()).contains("--source");

            MultiarchProcess.Outcome noPasswordSource = MultiarchProcess.run("publish", repo + ":x", "--username", "bob",
                    "--source", "linux/amd64=" + repo + ":amd64");
            assertThat(noPasswordSource.exitCode()).isEqualTo(2);
            assertThat(noPasswordSource.stderr()).contains("needs --password-stdin");
        }

        @Test
        void anInvalidDockerConfigIsAFailureNamingTheFileNotAUsageError(@TempDir Path dockerConfig) throws Exception {
            Path file = dockerConfig.resolve("config.json");
            Files.writeString(file, "{\"auths\": {");
            String repo = registry.host() + "/cli/app";

            MultiarchProcess.Outcome outcome = MultiarchProcess.run(null, Map.of("DOCKER_CONFIG", dockerConfig.toString()),
                    "publish", repo + ":config", "--source", "linux/amd64=" + repo + ":amd64");

            assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(1);
            assertThat(outcome.stdout()).isEmpty();
            assertThat(outcome.stderr()).startsWith("multiarch: error: Docker config " + file + " is not valid JSON");
        }
    }

    @Nested
    class WithPassword {

        static final String PASSWORD = "cli-S3cret-pw";

        @RegisterExtension
        static final RegistryExtension registry = RegistryExtension.htpasswd("carol", PASSWORD);

        @BeforeAll
        static void push() {
            ScratchImage.forPlatform("linux/arm64").file("/a", "arm64").credentials(registry.credentials())
                    .pushTo(registry.host(), "private/app:arm64");
        }

        @Test
        void thePasswordComesFromStandardInput() throws Exception {
            String repo = registry.host() + "/private/app";
            MultiarchProcess.Outcome outcome = MultiarchProcess.run(PASSWORD + "\n", Map.of(), "publish", repo + ":1",
                    "--username", "carol", "--password-stdin", "--source", "linux/arm64=" + repo + ":arm64");

            assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
            assertThat(outcome.stdout() + outcome.stderr()).doesNotContain(PASSWORD);
        }

        @Test
        void aWrongPasswordFailsWithoutShowingIt() throws Exception {
            String repo = registry.host() + "/private/app";
            String wrong = "wrong-Pw-3141";
            MultiarchProcess.Outcome outcome = MultiarchProcess.run(wrong, Map.of(), "publish", repo + ":2",
                    "--username", "carol", "--password-stdin", "--source", "linux/arm64=" + repo + ":arm64");

            assertThat(outcome.exitCode()).isEqualTo(1);
            assertThat(outcome.stderr()).contains("authentication failed for registry " + registry.host(), "carol");
            assertThat(outcome.stdout() + outcome.stderr()).doesNotContain(wrong);
        }

        @Test
        void credentialsComeFromTheDockerConfig(@TempDir Path dockerConfig) throws Exception {
            String auth = Base64.getEncoder().encodeToString(("carol:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            Files.writeString(dockerConfig.resolve("config.json"),
                    "{\"auths\":{\"" + registry.host() + "\":{\"auth\":\"" + auth + "\"}}}");
            String repo = registry.host() + "/private/app";

            MultiarchProcess.Outcome outcome = MultiarchProcess.run(null, Map.of("DOCKER_CONFIG", dockerConfig.toString()),
                    "inspect", repo + ":arm64");

            assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
            assertThat(outcome.stdout()).contains("linux/arm64");
        }
    }
}
