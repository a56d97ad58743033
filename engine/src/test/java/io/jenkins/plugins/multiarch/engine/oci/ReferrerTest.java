package io.jenkins.plugins.multiarch.engine.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.multiarch.engine.reference.Digest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferrerTest {

    private static final Digest A = Digest.sha256("a".getBytes(StandardCharsets.UTF_8));
    private static final Digest B = Digest.sha256("b".getBytes(StandardCharsets.UTF_8));

    @Test
    void theFallbackTagIsTheDigestWithADash() {
        assertThat(Referrer.fallbackTag(A)).isEqualTo("sha256-" + A.hex());
    }

    @Test
    void theFallbackIndexListsEachReferrerOnceSortedSoTheSameSetGivesTheSameBytes() {
        Referrer sig = new Referrer(MediaTypes.OCI_MANIFEST, A, 10, "application/vnd.dev.cosign.artifact.sig.v1+json",
                Map.of("created", "2026"));
        Referrer sbom = new Referrer(MediaTypes.OCI_MANIFEST, B, 20, "application/spdx+json", Map.of());

        byte[] one = Referrer.fallbackIndex(List.of(sig, sbom, sig));
        byte[] other = Referrer.fallbackIndex(List.of(sbom, sig));

        assertThat(one).isEqualTo(other);
        List<Referrer> back = Referrer.listIn(one);
        assertThat(back).extracting(r -> r.digest().toString()).isSorted().hasSize(2);
        assertThat(back).containsExactlyInAnyOrder(sig, sbom);
    }

    @Test
    void aBrokenListSaysWhatIsWrong() {
        assertThatThrownBy(() -> Referrer.listIn("{".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidManifestException.class).hasMessageStartingWith("a referrers list is not valid JSON");
        assertThatThrownBy(() -> Referrer.listIn("{}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("a referrers list has no \"manifests\" array");
        assertThatThrownBy(() -> Referrer.listIn("{\"manifests\":[{\"digest\":\"md5:x\"}]}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("a referrers list entry has an invalid digest");
    }
}
