package io.jenkins.plugins.multiarch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.multiarch.testkit.BuildxIndexFixture;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.ScratchImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code publish} of a buildx-shaped source index with attestations, then {@code inspect} and {@code verify}. */
class AttestationCommandIT {

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.anonymous();

    static String amd64;
    static String arm64;
    static BuildxIndexFixture.Pushed buildx;
    static String source;

    @BeforeAll
    static void push() {
        amd64 = ScratchImage.forPlatform("linux/amd64").file("/hello", "amd64").pushTo(registry.host(), "bx/app:amd64");
        arm64 = ScratchImage.forPlatform("linux/arm64").file("/hello", "arm64").pushTo(registry.host(), "bx/app:arm64");
        buildx = BuildxIndexFixture.create().image("linux/amd64", amd64).image("linux/arm64", arm64)
                .pushTo(registry.host(), "bx/app:build");
        source = registry.host() + "/bx/app:build";
    }

    @Test
    void attestationsAreKeptShownByInspectAndSkippedByVerify() throws Exception {
        String target = registry.host() + "/cli/attested:1.0";
        MultiarchProcess.Outcome publish = MultiarchProcess.run("publish", target,
                "--source", "linux/amd64=" + source, "--source", "linux/arm64=" + source);

        assertThat(publish.exitCode()).as(publish.stderr()).isZero();
        assertThat(publish.stdout()).contains("attestation of linux/amd64: " + buildx.attestationOf().get(amd64) + " (kept)",
                "attestation of linux/arm64: " + buildx.attestationOf().get(arm64) + " (kept)");

        MultiarchProcess.Outcome inspect = MultiarchProcess.run("inspect", target);
        assertThat(inspect.exitCode()).as(inspect.stderr()).isZero();
        assertThat(inspect.stdout()).contains("2 platforms, 2 attestations", "attestation of linux/arm64",
                buildx.attestationOf().get(arm64));
        JsonNode json = StdoutJson.parse(MultiarchProcess.run("inspect", target, "--output", "json").stdout());
        assertThat(json.path("platforms").findValuesAsText("attestationOf")).containsExactly(amd64, arm64);

        MultiarchProcess.Outcome verify = MultiarchProcess.run("verify", target, "--output", "json");
        assertThat(verify.exitCode()).as(verify.stderr()).isZero();
        assertThat(StdoutJson.parse(verify.stdout()).path("platforms").findValuesAsText("digest"))
                .containsExactlyInAnyOrder(amd64, arm64);
    }

    @Test
    void noAttestationsLeavesThemOut() throws Exception {
        MultiarchProcess.Outcome publish = MultiarchProcess.run("publish", registry.host() + "/cli/bare:1.0",
                "--source", "linux/amd64=" + source, "--no-attestations", "--output", "json");

        assertThat(publish.exitCode()).as(publish.stderr()).isZero();
        JsonNode result = StdoutJson.parse(publish.stdout());
        assertThat(result.path("platforms").get(0).path("attestations")).isEmpty();
        MultiarchProcess.Outcome inspect = MultiarchProcess.run("inspect", registry.host() + "/cli/bare:1.0");
        assertThat(inspect.stdout()).contains("1 platform\n").doesNotContain("attestation");
    }
}
