package io.jenkins.plugins.multiarch.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.multiarch.engine.image.ResolvedImage;
import io.jenkins.plugins.multiarch.engine.oci.Descriptor;
import io.jenkins.plugins.multiarch.engine.oci.ImageConfig;
import io.jenkins.plugins.multiarch.engine.oci.ImageManifest;
import io.jenkins.plugins.multiarch.engine.oci.MediaTypes;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.ManifestResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigPlatformCheckTest {

    static final String SOURCE = "registry.example.com/team/app:1.0-arm64";

    /** An image as a resolver would hand it over, its config saying {@code os/architecture/variant}. */
    static ResolvedImage image(String declared, String os, String architecture, String variant) {
        byte[] manifestBytes = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"for\":\""
                + os + "/" + architecture + "/" + variant + "\"}").getBytes(StandardCharsets.UTF_8);
        Digest manifestDigest = Digest.sha256(manifestBytes);
        Descriptor config = new Descriptor(MediaTypes.OCI_CONFIG, Digest.sha256(new byte[] {1}), 1);
        ImageManifest manifest = new ImageManifest(MediaTypes.OCI_MANIFEST, config, List.of());
        ImageConfig imageConfig = new ImageConfig(os, architecture, variant, null, null, List.of("/app"), null, null);
        return new ResolvedImage(Platform.parse(declared), ImageReference.parse(SOURCE),
                new ManifestResponse(manifestDigest, MediaTypes.OCI_MANIFEST, manifestBytes), manifest, imageConfig);
    }

    static String prefix(ResolvedImage image) {
        return image.declared() + " source " + SOURCE + " (" + image.manifest().digest().shortForm() + ")";
    }

    @Test
    void amd64ImageUnderArm64WouldFailWithExecFormatError() {
        ResolvedImage image = image("linux/arm64", "linux", "amd64", null);

        Optional<String> problem = ConfigPlatformCheck.check(image);

        assertThat(problem).hasValueSatisfying(message -> assertThat(message).contains(
                "linux/arm64 source registry.example.com/team/app:1.0-arm64 ("
                        + image.manifest().digest().shortForm()
                        + ") is linux/amd64: publishing it would make arm64 hosts fail with 'exec format error'"));
        assertThat(image.manifest().digest().shortForm()).hasSize(12);
    }

    @ParameterizedTest(name = "declared {0}, config {1}/{2}/{3}")
    @CsvSource(nullValues = "-", value = {
            "linux/amd64,    linux,   amd64,   -",
            "linux/amd64,    linux,   x86_64,  -",
            "linux/arm64,    linux,   arm64,   -",
            "linux/arm64,    linux,   arm64,   v8",
            "linux/arm64,    linux,   aarch64, -",
            "linux/arm/v7,   linux,   arm,     v7",
            "linux/arm/v6,   linux,   arm,     v6",
            "linux/386,      linux,   386,     -",
            "linux/s390x,    linux,   s390x,   -",
            "linux/amd64/v3, linux,   amd64,   -",
            "windows/amd64,  windows, amd64,   -",
            // configs (Docker's own images among them) often leave arm's variant out
            "linux/arm/v7,   linux,   arm,     -",
            "linux/arm/v7,   linux,   arm,     ''",
            "linux/arm/v6,   linux,   arm,     -",
            "linux/arm/v5,   linux,   arm,     -",
            "linux/arm/v6,   linux,   armel,   -",
    })
    void matchingConfigPasses(String declared, String os, String architecture, String variant) {
        assertThat(ConfigPlatformCheck.check(image(declared, os, architecture, variant))).isEmpty();
    }

    @ParameterizedTest(name = "declared {0}, config {1}/{2}/{3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "linux/arm64   | linux   | amd64 | -  | is linux/amd64: publishing it would make arm64 hosts fail with 'exec format error'",
            "linux/amd64   | linux   | arm64 | -  | is linux/arm64: publishing it would make amd64 hosts fail with 'exec format error'",
            "linux/arm/v7  | linux   | arm64 | -  | is linux/arm64: publishing it would make arm/v7 hosts fail with 'exec format error'",
            "linux/s390x   | linux   | ppc64le | - | is linux/ppc64le: publishing it would make s390x hosts fail with 'exec format error'",
            "linux/arm/v6  | linux   | armhf | -  | is linux/armhf: publishing it as linux/arm/v6 would give arm/v6 hosts code built for v7 (expect 'illegal instruction' or 'exec format error')",
            "linux/arm/v6  | linux   | arm   | v7 | is linux/arm/v7: publishing it as linux/arm/v6 would give arm/v6 hosts code built for v7 (expect 'illegal instruction' or 'exec format error')",
            "linux/arm/v7  | linux   | arm   | v6 | is linux/arm/v6: publishing it as linux/arm/v7 would give arm/v7 hosts code built for v6 (expect 'illegal instruction' or 'exec format error')",
            "linux/amd64   | linux   | amd64 | v3 | is linux/amd64/v3: publishing it as linux/amd64 would give amd64 hosts code built for v3 (expect 'illegal instruction' or 'exec format error')",
            "linux/amd64   | windows | amd64 | -  | is windows/amd64: publishing it would give linux hosts an image for windows",
            "windows/amd64 | linux   | amd64 | -  | is linux/amd64: publishing it would give windows hosts an image for linux",
            "linux/amd64   | linux   | sparc | -  | is linux/sparc, not a platform we know; it cannot serve linux/amd64",
            "linux/amd64   | plan10  | amd64 | -  | is plan10/amd64, not a platform we know; it cannot serve linux/amd64",
    })
    void mismatchIsExplained(String declared, String os, String architecture, String variant, String explanation) {
        ResolvedImage image = image(declared, os, architecture, variant);

        Optional<String> problem = ConfigPlatformCheck.check(image);

        assertThat(problem).hasValue(prefix(image) + " " + explanation);
    }

    @ParameterizedTest(name = "config {0}/{1}")
    @CsvSource(nullValues = "-", value = {"linux, -", "-, amd64", "-, -"})
    void missingOsOrArchitecture(String os, String architecture) {
        ResolvedImage image = image("linux/amd64", os, architecture, null);

        assertThat(ConfigPlatformCheck.check(image)).hasValue(prefix(image)
                + " has no os/architecture in its image config; rebuild it with a builder that records the platform");
    }

    @Test
    void imageCheckAdapterRunsTheSameCheck() {
        ResolvedImage wrong = image("linux/arm64", "linux", "amd64", null);
        ResolvedImage right = image("linux/arm64", "linux", "arm64", null);

        CheckResult failed = ImageCheck.configPlatform().check(wrong, null);
        assertThat(failed.status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(failed.message()).isEqualTo(ConfigPlatformCheck.check(wrong).orElseThrow());
        assertThat(failed.details()).containsEntry("configPlatform", "linux/amd64");

        CheckResult passed = ImageCheck.configPlatform().check(right, null);
        assertThat(passed.status()).isEqualTo(CheckResult.Status.PASSED);
        assertThat(passed.message()).isEqualTo("image config says linux/arm64");
    }
}
