package io.jenkins.plugins.multiarch.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import io.jenkins.plugins.multiarch.testkit.BodyFault;
import io.jenkins.plugins.multiarch.testkit.ElfFixtures;
import io.jenkins.plugins.multiarch.testkit.FaultCase;
import io.jenkins.plugins.multiarch.testkit.FaultInjectingProxy;
import io.jenkins.plugins.multiarch.testkit.LayerBlob;
import io.jenkins.plugins.multiarch.testkit.LayerCompression;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.TarLayer;
import io.jenkins.plugins.multiarch.testkit.UploadedImage;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Layer bytes the binary check reads to the end must hash to the layer's digest: a registry that serves other bytes
 * cannot make a wrong image pass. A layer the check stops reading early (on purpose) is reported as read in part.
 * The layer is an uncompressed tar, so changed bytes still make a readable archive and only the digest can tell.
 */
class LayerDigestIntegrationTest {

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.anonymous();

    private static String layerDigest;
    private FaultInjectingProxy proxy;

    @BeforeAll
    static void push() {
        // The program first, then 200 KB the program check never needs: it stops after the first entry.
        TarLayer layer = TarLayer.builder().file("hello", ElfFixtures.x86_64(), 0755)
                .text("share/padding.txt", "p".repeat(200_000)).build(LayerCompression.NONE);
        layerDigest = LayerBlob.of(layer).digest();
        UploadedImage.forPlatform("linux/amd64").layer(layer).entrypoint("/hello").pushTo(registry, "digest/app:1");
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
    @FaultCase(area = "content", fault = "a layer served with one byte changed, read to the end (all-binaries scan)",
            outcome = "the check fails: the bytes do not hash to the layer's digest; the image does not pass")
    void aChangedLayerReadWholeFailsTheCheck() {
        proxy.bodyFaultNext(5, "GET", ".*/blobs/" + layerDigest, BodyFault.WRONG_BYTES);

        CheckResult binary = binaryCheck(new BinaryImageCheck(CheckPolicy.DEFAULT_BYTE_BUDGET, CheckPolicy.ALL_LAYERS));

        assertThat(binary.failed()).as(binary.message()).isTrue();
        assertThat(binary.message()).contains("served blob digest/app@" + layerDigest)
                .contains("not to its digest");
    }

    @Test
    @FaultCase(area = "content", fault = "a layer read to the end with the right bytes",
            outcome = "passes; the result says layerReads=whole (digest checked)")
    void aLayerReadWholeIsReportedAsChecked() {
        CheckResult binary = binaryCheck(new BinaryImageCheck(CheckPolicy.DEFAULT_BYTE_BUDGET, CheckPolicy.ALL_LAYERS));

        assertThat(binary.status()).as(binary.message()).isEqualTo(CheckResult.Status.PASSED);
        assertThat(binary.layerReads()).contains(LayerReads.WHOLE);
        assertThat(binary.details()).containsEntry("layerReads", "whole");
        assertThat(binary.details().get("summary")).doesNotContain("partial");
    }

    @Test
    @FaultCase(area = "content", fault = "a layer the program check stops reading early (program found first)",
            outcome = "passes, reported as partial: layerReads=partial and '(partial read)' in the summary")
    void aLayerReadInPartIsReportedAsPartial() {
        CheckResult binary = binaryCheck(BinaryImageCheck.programOnly());

        assertThat(binary.status()).as(binary.message()).isEqualTo(CheckResult.Status.PASSED);
        assertThat(binary.layerReads()).contains(LayerReads.PARTIAL);
        assertThat(binary.details().get("summary")).isEqualTo("/hello x86-64 ✓ (partial read)");
    }

    private CheckResult binaryCheck(ImageCheck check) {
        RegistryClient client = RegistryClient.builder(proxy.host()).sleeper(wait -> { }).build();
        VerifyResult result = new ImageVerifier(client, List.of(check), line -> { })
                .verify(ImageReference.parse(proxy.host() + "/digest/app:1"));
        return result.platforms().get(0).checks().stream().filter(c -> !c.check().equals("config")).findFirst()
                .orElseThrow();
    }
}
