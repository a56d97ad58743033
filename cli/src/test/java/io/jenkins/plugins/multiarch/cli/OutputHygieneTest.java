package io.jenkins.plugins.multiarch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.multiarch.engine.process.ProgramLookup;
import io.jenkins.plugins.multiarch.testkit.FaultCase;
import io.jenkins.plugins.multiarch.testkit.FaultInjectingProxy;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.ScratchImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the command prints cannot be steered by a registry or by the user's own arguments, and options that cannot
 * go together fail with exit 2 before any registry request. The CLI runs in this JVM against a real registry behind
 * the fault-injecting proxy, which also counts the requests.
 */
class OutputHygieneTest {

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.anonymous();

    private FaultInjectingProxy proxy;

    @BeforeAll
    static void push() {
        ScratchImage.forPlatform("linux/amd64").file("/a", "hygiene").pushTo(registry.host(), "hygiene/app:1");
    }

    @BeforeEach
    void startProxy() {
        proxy = FaultInjectingProxy.inFrontOf(registry);
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    @Test
    @FaultCase(area = "output", fault = "a registry error message with an ANSI sequence and a forged 'Published' line"
            + " (multiarch inspect)",
            outcome = "exit 1; one stderr line with the text escaped (\\e, \\n); no ESC byte printed")
    void aRegistrysErrorTextCannotSteerTheTerminal() {
        proxy.answerNext(1, "GET", ".*/manifests/1", 400, Map.of("Content-Type", "application/json"),
                "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"\\u001b[1A\\u001b[2K\\nPublished x:1\"}]}"
                        .getBytes(StandardCharsets.UTF_8));

        InProcessMultiarch.Outcome outcome = InProcessMultiarch.run(cli -> { }, "inspect", proxy.host() + "/hygiene/app:1");

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stderr()).contains("\\e[1A\\e[2K\\nPublished x:1").doesNotContain("\u001b");
        assertThat(outcome.stderr().strip().lines()).hasSize(1);
    }

    @Test
    @FaultCase(area = "output", fault = "an index annotation with ESC sequences (inspect, text and JSON)",
            outcome = "text shows \\e[31m; JSON has \\u001B; neither prints an ESC byte")
    void annotationsFromTheRegistryAreEscapedInTextAndJson() {
        byte[] index = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
                + "\"manifests\":[],\"annotations\":{\"note\":\"\\u001b[31mred\\u001b]0;title\\u0007\"}}")
                .getBytes(StandardCharsets.UTF_8);
        proxy.answerNext(2, "GET", ".*/manifests/idx", 200,
                Map.of("Content-Type", "application/vnd.oci.image.index.v1+json"), index);

        InProcessMultiarch.Outcome text = InProcessMultiarch.run(cli -> { }, "inspect", proxy.host() + "/hygiene/app:idx");
        InProcessMultiarch.Outcome json = InProcessMultiarch.run(cli -> { }, "inspect", "--output", "json",
                proxy.host() + "/hygiene/app:idx");

        assertThat(text.exitCode()).as(text.stderr()).isZero();
        assertThat(text.stdout()).contains("note=\\e[31mred\\e]0;title\\x07").doesNotContain("\u001b", "\u0007");
        assertThat(json.exitCode()).as(json.stderr()).isZero();
        assertThat(StdoutJson.parse(json.stdout()).path("annotations").path("note").asText())
                .isEqualTo("\u001b[31mred\u001b]0;title\u0007");
        assertThat(json.stdout()).doesNotContain("\u001b", "\u0007");
    }

    @Test
    @FaultCase(area = "output", fault = "a reference argument with an ANSI clear-screen sequence",
            outcome = "exit 2 before any request; the message quotes it escaped")
    void theUsersOwnArgumentsAreEscaped() {
        InProcessMultiarch.Outcome outcome = InProcessMultiarch.run(cli -> { }, "inspect",
                proxy.host() + "/hygiene/app:\u001b[2J");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("\\e[2J").doesNotContain("\u001b");
        assertThat(proxy.requests()).isEmpty();
    }

    @Test
    @FaultCase(area = "output", fault = "a 10,000-character tag argument (multiarch inspect)",
            outcome = "exit 2 before any request; the error is one short line (under 700 characters)")
    void aHugeTagIsShortenedInTheError() {
        InProcessMultiarch.Outcome outcome = InProcessMultiarch.run(cli -> { }, "inspect",
                proxy.host() + "/hygiene/app:" + "t".repeat(10_000));

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr().lines().findFirst().orElseThrow()).hasSizeLessThan(700)
                .contains("more characters)");
        assertThat(proxy.requests()).isEmpty();
    }

    @Test
    @FaultCase(area = "options", fault = "publish --annotation with --format docker",
            outcome = "exit 2 naming both options, before any registry request")
    void annotationsWithTheDockerFormatFailBeforeAnyRequest() {
        InProcessMultiarch.Outcome outcome = InProcessMultiarch.run(cli -> { }, "publish", "--format", "docker",
                "--annotation", "org.opencontainers.image.source=x", "--source",
                "linux/amd64=" + proxy.host() + "/hygiene/app:1", proxy.host() + "/hygiene/app:multi");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("--annotation cannot go with --format docker");
        assertThat(proxy.requests()).isEmpty();
    }

    @Test
    @FaultCase(area = "options", fault = "build --publish --annotation with --format docker",
            outcome = "exit 2 before any build or registry request")
    void buildChecksTheSameConflictBeforeBuilding(@TempDir Path context) throws Exception {
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");

        InProcessMultiarch.Outcome outcome = InProcessMultiarch.build(ProgramLookup.none(), "build", "--publish",
                "--platform", "linux/amd64", "--context", context.toString(), "--format", "docker",
                "--annotation", "a=b", proxy.host() + "/hygiene/app:built");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("--annotation cannot go with --format docker");
        assertThat(proxy.requests()).isEmpty();
    }

    @Test
    @FaultCase(area = "options", fault = "verify --all-binaries with --all-binaries-layers 2",
            outcome = "exit 2 asking for one of them, before any registry request")
    void twoScanOptionsThatContradictEachOtherFailUpFront() {
        InProcessMultiarch.Outcome outcome = InProcessMultiarch.run(cli -> { }, "verify", "--all-binaries",
                "--all-binaries-layers", "2", proxy.host() + "/hygiene/app:1");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("give one of them");
        assertThat(proxy.requests()).isEmpty();
    }

    @Test
    @FaultCase(area = "options", fault = "--max-children 0 and --max-manifest-size 12XB",
            outcome = "exit 2 naming the option and valid values, before any registry request")
    void badLimitsFailUpFront() {
        InProcessMultiarch.Outcome zero = InProcessMultiarch.run(cli -> { }, "inspect", "--max-children", "0",
                proxy.host() + "/hygiene/app:1");
        InProcessMultiarch.Outcome size = InProcessMultiarch.run(cli -> { }, "inspect", "--max-manifest-size", "12XB",
                proxy.host() + "/hygiene/app:1");

        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.stderr()).contains("invalid --max-children 0: must be at least 1");
        assertThat(size.exitCode()).isEqualTo(2);
        assertThat(size.stderr()).contains("invalid --max-manifest-size '12XB'");
        assertThat(proxy.requests()).isEmpty();
    }

    @Test
    @FaultCase(area = "bounded work", fault = "inspect --max-children 2 of an index with 3 entries",
            outcome = "exit 1 naming the limit; no child requested")
    void theChildrenLimitIsACommandLineOption() {
        String child = "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:"
                + "ab".repeat(32) + "\",\"size\":1,\"platform\":{\"os\":\"linux\",\"architecture\":\"amd64\"}}";
        proxy.answerNext(1, "GET", ".*/manifests/three", 200,
                Map.of("Content-Type", "application/vnd.oci.image.index.v1+json"),
                ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
                        + child + "," + child + "," + child + "]}").getBytes(StandardCharsets.UTF_8));

        InProcessMultiarch.Outcome outcome = InProcessMultiarch.run(cli -> { }, "inspect", "--max-children", "2",
                proxy.host() + "/hygiene/app:three");

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stderr()).contains("lists 3 manifests, more than the 2 an inspect follows");
        assertThat(proxy.count("GET", ".*/manifests/sha256:.*")).isZero();
    }
}
