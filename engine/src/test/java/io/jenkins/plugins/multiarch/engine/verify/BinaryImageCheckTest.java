package io.jenkins.plugins.multiarch.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.multiarch.engine.oci.Descriptor;
import io.jenkins.plugins.multiarch.engine.oci.ImageConfig;
import io.jenkins.plugins.multiarch.engine.oci.ManifestIndex;
import io.jenkins.plugins.multiarch.engine.oci.MediaTypes;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.verify.binary.ExpectedPlatform;
import io.jenkins.plugins.multiarch.engine.verify.binary.ImageRunConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The adapter's mappings from the engine's types to the binary check's, without a registry. */
class BinaryImageCheckTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "linux/amd64,    linux/amd64,  amd64",
            "x86_64,         linux/amd64,  amd64",
            "linux/arm64/v8, linux/arm64,  arm64",
            "linux/arm,      linux/arm/v7, arm/v7",
            "armhf,          linux/arm/v7, arm/v7",
            "armel,          linux/arm/v6, arm/v6",
            "linux/arm/v5,   linux/arm/v5, arm/v5",
            "linux/s390x,    linux/s390x,  s390x",
    })
    void platformsMapWithTheArmDefaultVariant(String platform, String expected, String hosts) {
        ExpectedPlatform mapped = BinaryImageCheck.expectedPlatform(Platform.parse(platform));

        assertThat(mapped).hasToString(expected);
        assertThat(mapped.hostLabel()).isEqualTo(hosts);
        assertThat(mapped.checkable()).isTrue();
    }

    @Test
    void theRunConfigComesFromTheImageConfig() {
        ImageConfig config = new ImageConfig("linux", "arm64", null, null, null, List.of("/bin/sh", "-c", "app"),
                List.of("PATH=/app/bin"), "/srv");

        ImageRunConfig run = BinaryImageCheck.runConfig(config);

        assertThat(run.program()).isEqualTo("/bin/sh");
        assertThat(run.path()).isEqualTo("/app/bin");
        assertThat(run.workingDirectory()).isEqualTo("/srv");
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new BinaryImageCheck(0, 0)).hasMessageContaining("byte budget must be more than 0");
        assertThatThrownBy(() -> new BinaryImageCheck(1, -1)).hasMessageContaining("at least 1");
    }

    @Test
    void verifyLeavesAttestationsAndUnknownPlatformsOut() {
        Descriptor amd64 = child(MediaTypes.OCI_MANIFEST, Platform.LINUX_AMD64, Map.of(), "a");
        Descriptor attestation = child(MediaTypes.OCI_MANIFEST, new Platform("unknown", "unknown", null),
                Map.of("vnd.docker.reference.type", "attestation-manifest"), "b");
        Descriptor nested = child(MediaTypes.OCI_INDEX, Platform.LINUX_ARM64, Map.of(), "c");
        Descriptor noPlatform = new Descriptor(MediaTypes.OCI_MANIFEST, digest("d"), 100);

        List<Descriptor> children = ImageVerifier.runnableChildren(new ManifestIndex(MediaTypes.OCI_INDEX,
                List.of(amd64, attestation, nested, noPlatform), Map.of()));

        assertThat(children).containsExactly(amd64);
    }

    private static Descriptor child(String mediaType, Platform platform, Map<String, String> annotations, String hex) {
        return new Descriptor(mediaType, digest(hex), 100, platform, annotations);
    }

    private static Digest digest(String c) {
        return Digest.parse("sha256:" + c.repeat(64));
    }
}
