package io.jenkins.plugins.multiarch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.multiarch.testkit.ReferrerFixture;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.ScratchImage;
import io.jenkins.plugins.multiarch.testkit.Skopeo;
import io.jenkins.plugins.multiarch.testkit.TagList;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code publish --referrers}: a signature of the arm64 image comes along into the target; {@code inspect} shows it. */
class ReferrersCommandIT {

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.anonymous();

    static String amd64;
    static String arm64;
    static ReferrerFixture.Pushed signature;

    @BeforeAll
    static void push() {
        amd64 = ScratchImage.forPlatform("linux/amd64").file("/hello", "amd64").pushTo(registry.host(), "cli/src:amd64");
        arm64 = ScratchImage.forPlatform("linux/arm64").file("/hello", "arm64").pushTo(registry.host(), "cli/src:arm64");
        signature = ReferrerFixture.push(registry.host(), null, "cli/src", arm64, ReferrerFixture.SIGNATURE,
                "{\"critical\":{}}");
        ReferrerFixture.listUnderFallbackTag(registry.host(), null, "cli/src", arm64, List.of(signature));
    }

    @Test
    void theSignatureComesAlongAndInspectShowsIt() throws Exception {
        String target = registry.host() + "/cli/signed:1.0";

        MultiarchProcess.Outcome publish = publish(target, "--referrers");

        assertThat(publish.exitCode()).as(publish.stderr()).isZero();
        assertThat(publish.stdout()).contains("referrer of linux/arm64: " + signature.digest() + " ("
                + ReferrerFixture.SIGNATURE + ") (copied)");
        assertThat(Skopeo.rawManifest(registry.host() + "/cli/signed@" + signature.digest(), null)
                .getBytes(StandardCharsets.UTF_8)).isEqualTo(signature.manifest());
        assertThat(TagList.of(registry, "cli/signed").tags()).containsExactlyInAnyOrder("1.0",
                ReferrerFixture.fallbackTag(arm64));

        MultiarchProcess.Outcome inspect = MultiarchProcess.run("inspect", target);
        assertThat(inspect.exitCode()).as(inspect.stderr()).isZero();
        assertThat(inspect.stdout()).contains("referrer of linux/arm64: " + signature.digest() + " ("
                + ReferrerFixture.SIGNATURE + ")");
        JsonNode json = StdoutJson.parse(MultiarchProcess.run("inspect", target, "--output", "json").stdout());
        JsonNode arm = json.path("platforms").findParents("digest").stream()
                .filter(n -> n.path("digest").asText().equals(arm64)).findFirst().orElseThrow();
        assertThat(arm.path("referrers").get(0).path("artifactType").asText()).isEqualTo(ReferrerFixture.SIGNATURE);

        MultiarchProcess.Outcome again = publish(target, "--referrers", "--output", "json");
        assertThat(again.exitCode()).as(again.stderr()).isZero();
        JsonNode result = StdoutJson.parse(again.stdout());
        assertThat(result.path("tagsWritten")).isEmpty();
        assertThat(result.path("platforms").get(1).path("referrers").get(0).path("digest").asText())
                .isEqualTo(signature.digest());
    }

    @Test
    void withoutTheOptionNoReferrerIsCopied() throws Exception {
        MultiarchProcess.Outcome publish = publish(registry.host() + "/cli/unsigned:1.0");

        assertThat(publish.exitCode()).as(publish.stderr()).isZero();
        assertThat(publish.stdout()).doesNotContain("referrer of");
        assertThat(TagList.of(registry, "cli/unsigned").tags()).containsExactly("1.0");
    }

    private static MultiarchProcess.Outcome publish(String target, String... options) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("publish", target,
                "--source", "linux/amd64=" + registry.host() + "/cli/src@" + amd64,
                "--source", "linux/arm64=" + registry.host() + "/cli/src@" + arm64));
        args.addAll(List.of(options));
        return MultiarchProcess.run(args.toArray(String[]::new));
    }
}
