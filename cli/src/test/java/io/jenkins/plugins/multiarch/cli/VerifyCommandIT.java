package io.jenkins.plugins.multiarch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.multiarch.testkit.ElfFixtures;
import io.jenkins.plugins.multiarch.testkit.ImageFixtures;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.ScratchImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The CLI contract of {@code multiarch verify}, run as a process against a real registry. */
class VerifyCommandIT {

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.anonymous();

    static String repo;
    static String arm64Bad;

    @BeforeAll
    static void push() {
        repo = registry.host() + "/verify/app";
        String amd64 = ScratchImage.forPlatform("linux/amd64").file("/hello", ElfFixtures.x86_64()).entrypoint("/hello")
                .pushTo(registry.host(), "verify/app:amd64");
        String arm64 = ScratchImage.forPlatform("linux/arm64").file("/hello", ElfFixtures.aarch64()).entrypoint("/hello")
                .pushTo(registry.host(), "verify/app:arm64");
        arm64Bad = ScratchImage.forPlatform("linux/arm64").file("/hello", ElfFixtures.x86_64()).entrypoint("/hello")
                .pushTo(registry.host(), "verify/app:arm64-bad");
        String armv7 = ScratchImage.forPlatform("linux/arm/v7").file("/data.txt", "no program here")
                .pushTo(registry.host(), "verify/app:armv7");
        ImageFixtures.pushIndex(registry, "verify/app:good", null, amd64, arm64, armv7);
        ImageFixtures.pushIndex(registry, "verify/app:bad", null, amd64, arm64Bad);
    }

    @Test
    void aGoodIndexExitsZeroWithATable() throws Exception {
        MultiarchProcess.Outcome outcome = MultiarchProcess.run("verify", repo + ":good");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(outcome.stderr()).isEmpty();
        assertThat(outcome.stdout()).contains(repo + ":good: OCI image index sha256:",
                "all 3 platforms passed (1 not fully checked)", "PLATFORM", "CONFIG", "BINARY");
        assertThat(outcome.stdout().lines())
                .anySatisfy(line -> assertThat(line).contains("linux/amd64", "linux/amd64 ✓", "/hello x86-64 ✓"))
                .anySatisfy(line -> assertThat(line).contains("linux/arm64", "linux/arm64 ✓", "/hello AArch64 ✓"))
                .anySatisfy(line -> assertThat(line).contains("linux/arm/v7", "not checked: no entrypoint"));
    }

    @Test
    void aWrongBinaryExitsOneWithASummaryLineThenEachProblem() throws Exception {
        MultiarchProcess.Outcome outcome = MultiarchProcess.run("verify", repo + ":bad");

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stdout()).contains("/hello x86-64 ✗");
        assertThat(outcome.stderr().lines()).containsExactly(
                "multiarch: error: " + repo + ":bad: 1 of 2 platforms failed verification",
                "  linux/arm64 image " + repo + "@" + arm64Bad + ": /hello is an x86-64 ELF executable; arm64 hosts"
                        + " would fail with 'exec format error'");
    }

    @Test
    void aSingleImageIsCheckedAgainstItsConfigAndJsonCarriesTheFindings() throws Exception {
        MultiarchProcess.Outcome outcome = MultiarchProcess.run("verify", repo + ":arm64", "--output", "json",
                "--all-binaries");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        JsonNode json = StdoutJson.parse(outcome.stdout());
        assertThat(json.path("passed").asBoolean()).isTrue();
        JsonNode platform = json.path("platforms").get(0);
        assertThat(platform.path("platform").asText()).isEqualTo("linux/arm64");
        JsonNode binary = platform.path("checks").get(1);
        assertThat(binary.path("check").asText()).isEqualTo("binary");
        assertThat(binary.path("details").path("checkedFile").asText()).isEqualTo("/hello");
        assertThat(binary.path("details").path("detectedArchitecture").asText()).isEqualTo("AArch64");
        assertThat(binary.path("details").path("bytesRead").asLong()).isPositive();
        assertThat(binary.path("details").path("allBinaries.elfFiles").asText()).isEqualTo("1");
    }

    @Test
    void badOptionsAreUsageErrors() throws Exception {
        MultiarchProcess.Outcome budget = MultiarchProcess.run("verify", repo + ":good", "--binary-budget", "12X");
        assertThat(budget.exitCode()).isEqualTo(2);
        assertThat(budget.stderr()).contains("invalid --binary-budget '12X': expected a size such as 512MiB, 64M, 1G");

        MultiarchProcess.Outcome layers = MultiarchProcess.run("verify", repo + ":good", "--all-binaries-layers", "0");
        assertThat(layers.exitCode()).isEqualTo(2);
        assertThat(layers.stderr()).contains("invalid --all-binaries-layers 0");

        MultiarchProcess.Outcome missing = MultiarchProcess.run("verify");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("REF");
    }

    @Test
    void aTinyBudgetLeavesTheProgramNotCheckedAndStillExitsZero() throws Exception {
        MultiarchProcess.Outcome outcome = MultiarchProcess.run("verify", repo + ":arm64", "--binary-budget", "16");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(outcome.stdout()).contains("not checked: budget", "the platform passed (1 not fully checked)");
    }
}
