package io.jenkins.plugins.multiarch.engine.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.engine.oci.Attestations;
import io.jenkins.plugins.multiarch.engine.oci.Descriptor;
import io.jenkins.plugins.multiarch.engine.oci.ManifestCodec;
import io.jenkins.plugins.multiarch.engine.oci.ManifestIndex;
import io.jenkins.plugins.multiarch.engine.oci.MediaTypes;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Attestation entries: after the images, in the images' order, unchanged, whatever order they came in. */
class IndexAssemblerAttestationTest {

    private static final Descriptor AMD64 = image("amd64", "linux/amd64");
    private static final Descriptor ARM64 = image("arm64", "linux/arm64");
    private static final Descriptor ATT_AMD64 = attestation("att-amd64", AMD64);
    private static final Descriptor ATT_ARM64 = attestation("att-arm64", ARM64);

    @Test
    void attestationsFollowTheImagesInTheirOrderWhateverOrderGiven() {
        ManifestIndex a = IndexAssembler.assemble(IndexFormat.AUTO, List.of(ARM64, AMD64), List.of(ATT_ARM64, ATT_AMD64),
                Map.of());
        ManifestIndex b = IndexAssembler.assemble(IndexFormat.OCI, List.of(AMD64, ARM64), List.of(ATT_AMD64, ATT_ARM64),
                Map.of());

        assertThat(a.mediaType()).isEqualTo(MediaTypes.OCI_INDEX); // auto: attestations need an OCI index
        assertThat(a.manifests()).containsExactly(AMD64, ARM64, ATT_AMD64, ATT_ARM64);
        assertThat(ManifestCodec.write(a)).isEqualTo(ManifestCodec.write(b));
        Descriptor written = ((ManifestIndex) ManifestCodec.parse(ManifestCodec.write(a), null)).manifests().get(3);
        assertThat(written.annotations()).isEqualTo(ATT_ARM64.annotations());
        assertThat(written.platform()).hasToString("unknown/unknown");
    }

    @Test
    void anAttestationOfAnImageNotListedOrADockerListIsRefused() {
        assertThatThrownBy(() -> IndexAssembler.assemble(IndexFormat.OCI, List.of(AMD64), List.of(ATT_ARM64), Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("which the index does not list");
        assertThatThrownBy(() -> IndexAssembler.assemble(IndexFormat.DOCKER, List.of(AMD64), List.of(ATT_AMD64), Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("a Docker manifest list cannot carry");
    }

    private static Descriptor image(String name, String platform) {
        return new Descriptor(MediaTypes.OCI_MANIFEST, digest(name), 500, Platform.parse(platform), Map.of());
    }

    private static Descriptor attestation(String name, Descriptor subject) {
        return new Descriptor(MediaTypes.OCI_MANIFEST, digest(name), 676, new Platform("unknown", "unknown", null, null),
                Map.of(Attestations.REFERENCE_TYPE, Attestations.ATTESTATION_MANIFEST,
                        Attestations.REFERENCE_DIGEST, subject.digest().toString()));
    }

    private static Digest digest(String name) {
        return Digest.sha256(name.getBytes(StandardCharsets.UTF_8));
    }
}
