package io.jenkins.plugins.multiarch.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import io.jenkins.plugins.multiarch.testkit.ElfFixtures;
import io.jenkins.plugins.multiarch.testkit.ImageFixtures;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.ScratchImage;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Verifying images that are already published: indexes platform by platform, single images by their config. */
class ImageVerifierIntegrationTest {

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.anonymous();


    static String amd64;
    static String arm64;
    static String arm64WithAmd64Binary;

    @BeforeAll
    static void pushImages() {
        amd64 = ScratchImage.forPlatform("linux/amd64").file("/hello", ElfFixtures.x86_64()).entrypoint("/hello")
                .pushTo(registry.host(), "app:amd64");
        arm64 = ScratchImage.forPlatform("linux/arm64").file("/hello", ElfFixtures.aarch64()).entrypoint("/hello")
                .pushTo(registry.host(), "app:arm64");
        arm64WithAmd64Binary = ScratchImage.forPlatform("linux/arm64").file("/hello", ElfFixtures.x86_64())
                .entrypoint("/hello").pushTo(registry.host(), "app:arm64-bad");
        ImageFixtures.pushIndex(registry, "app:good", null, amd64, arm64);
        ImageFixtures.pushIndex(registry, "app:bad", null, amd64, arm64WithAmd64Binary);
    }

    @Test
    void everyPlatformOfAGoodIndexPasses() throws Exception {
        VerifyResult result = verify("app:good");

        assertThat(result.passed()).isTrue();
        assertThat(result.verdict()).isEqualTo("all 2 platforms passed");
        assertThat(result.platforms()).extracting(p -> p.platform() + "=" + p.digest())
                .containsExactly("linux/amd64=" + amd64, "linux/arm64=" + arm64);
        assertThat(result.platforms()).extracting(p -> p.result("config").details().get("configPlatform") + " "
                + CheckSummary.of(List.of(p.result("binary"))))
                .containsExactly("linux/amd64 /hello x86-64 ✓", "linux/arm64 /hello AArch64 ✓");
        assertThat(Long.parseLong(result.platforms().get(1).result("binary").details().get("bytesRead"))).isPositive();
    }

    @Test
    void aWrongBinaryInOnePlatformFailsThatPlatformOnly() {
        VerifyResult result = verify("app:bad");

        assertThat(result.passed()).isFalse();
        assertThat(result.verdict()).isEqualTo("1 of 2 platforms failed verification");
        assertThat(result.problems()).containsExactly("linux/arm64 image " + registry.host() + "/app@"
                + arm64WithAmd64Binary + ": /hello is an x86-64 ELF executable; arm64 hosts would fail with"
                + " 'exec format error'");
        assertThat(result.platforms().get(0).failed()).isFalse();
        assertThat(CheckSummary.of(result.platforms().get(1).checks())).isEqualTo("/hello x86-64 ✗");
    }

    @Test
    void aSingleImageIsCheckedForThePlatformItsConfigSays() {
        VerifyResult single = verify("app:arm64-bad");

        assertThat(single.platforms()).hasSize(1);
        assertThat(single.platforms().get(0).platform()).hasToString("linux/arm64");
        assertThat(single.passed()).isFalse();
        assertThat(single.verdict()).isEqualTo("1 of 1 platform failed verification");
    }

    @Test
    void aMissingImageIsAnError() {
        assertThatThrownBy(() -> verify("app:nothing-here"))
                .hasMessageContaining("was not found");
    }

    private static VerifyResult verify(String repoAndTag) {
        RegistryClient client = RegistryClient.builder(registry.host()).build();
        return new ImageVerifier(client, List.of(ImageCheck.configPlatform(), BinaryImageCheck.programOnly()), line -> { })
                .verify(ImageReference.parse(registry.host() + "/" + repoAndTag));
    }
}
