package io.jenkins.plugins.multiarch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.multiarch.testkit.ElfFixtures;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.ScratchImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code multiarch publish} with its binary check (on by default), run as a process against a real registry. */
class PublishBinaryCheckIT {

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.anonymous();

    static String repo;

    @BeforeAll
    static void push() {
        repo = registry.host() + "/bin/app";
        ScratchImage.forPlatform("linux/amd64").file("/hello", ElfFixtures.x86_64()).entrypoint("/hello")
                .pushTo(registry.host(), "bin/app:amd64");
        ScratchImage.forPlatform("linux/arm64").file("/hello", ElfFixtures.aarch64()).entrypoint("/hello")
                .pushTo(registry.host(), "bin/app:arm64");
        ScratchImage.forPlatform("linux/arm64").file("/hello", ElfFixtures.x86_64()).entrypoint("/hello")
                .pushTo(registry.host(), "bin/app:arm64-bad");
    }

    @Test
    void anAmd64BinaryInTheArm64ImageFailsWithOneLineAndLeavesTheTagAlone() throws Exception {
        MultiarchProcess.Outcome good = MultiarchProcess.run("publish", repo + ":stable",
                "--source", "linux/amd64=" + repo + ":amd64", "--source", "linux/arm64=" + repo + ":arm64");
        assertThat(good.exitCode()).as(good.stderr()).isZero();
        assertThat(good.stdout()).contains("CHECK", "/hello x86-64 ✓", "/hello AArch64 ✓");
        JsonNode before = inspectJson(repo + ":stable");

        MultiarchProcess.Outcome bad = MultiarchProcess.run("publish", repo + ":stable",
                "--source", "linux/arm64=" + repo + ":arm64-bad");

        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.stdout()).isEmpty();
        assertThat(bad.stderr().strip().lines()).containsExactly("multiarch: error: nothing was published: 1"
                + " verification failure: linux/arm64 image " + repo + ":arm64-bad: /hello is an x86-64 ELF"
                + " executable; arm64 hosts would fail with 'exec format error'");
        JsonNode after = inspectJson(repo + ":stable");
        assertThat(after.path("digest").asText()).startsWith("sha256:").isEqualTo(before.path("digest").asText());
    }

    private static JsonNode inspectJson(String reference) throws Exception {
        MultiarchProcess.Outcome inspect = MultiarchProcess.run("inspect", reference, "--output", "json");
        assertThat(inspect.exitCode()).as(inspect.stderr()).isZero();
        return StdoutJson.parse(inspect.stdout());
    }

    @Test
    void jsonCarriesTheCheckedFileItsArchitectureAndTheBytesRead() throws Exception {
        MultiarchProcess.Outcome outcome = MultiarchProcess.run("publish", repo + ":json", "--output", "json",
                "--source", "linux/arm64=" + repo + ":arm64", "--binary-budget", "1M");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        JsonNode binary = StdoutJson.parse(outcome.stdout()).path("platforms").get(0).path("checks").get(1);
        assertThat(binary.path("check").asText()).isEqualTo("binary");
        assertThat(binary.path("status").asText()).isEqualTo("PASSED");
        assertThat(binary.path("details").path("checkedFile").asText()).isEqualTo("/hello");
        assertThat(binary.path("details").path("detectedArchitecture").asText()).isEqualTo("AArch64");
        assertThat(binary.path("details").path("bytesRead").asLong()).isPositive();
        assertThat(binary.path("details").path("byteBudget").asLong()).isEqualTo(1L << 20);
    }

    @Test
    void noBinaryCheckPublishesOnTheConfigAlone() throws Exception {
        MultiarchProcess.Outcome outcome = MultiarchProcess.run("publish", repo + ":config-only", "--no-binary-check",
                "--source", "linux/arm64=" + repo + ":arm64-bad");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(outcome.stdout()).contains("config ✓");
    }

    @Test
    void badBinaryCheckOptionsAreUsageErrors() throws Exception {
        MultiarchProcess.Outcome budget = MultiarchProcess.run("publish", repo + ":x", "--binary-budget", "lots",
                "--source", "linux/arm64=" + repo + ":arm64");
        assertThat(budget.exitCode()).isEqualTo(2);
        assertThat(budget.stderr()).contains("invalid --binary-budget 'lots': expected a size such as 512MiB, 64M, 1G");

        MultiarchProcess.Outcome both = MultiarchProcess.run("publish", repo + ":x", "--no-binary-check",
                "--all-binaries", "--source", "linux/arm64=" + repo + ":arm64");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.stderr()).contains("--no-binary-check turns the binary check off");
    }
}
