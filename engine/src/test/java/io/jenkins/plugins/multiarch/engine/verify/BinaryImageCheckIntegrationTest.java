package io.jenkins.plugins.multiarch.engine.verify;

import io.jenkins.plugins.multiarch.testkit.FaultCase;
import io.jenkins.plugins.multiarch.engine.error.MultiarchException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.multiarch.engine.image.ImageResolver;
import io.jenkins.plugins.multiarch.engine.image.ResolvedImage;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import io.jenkins.plugins.multiarch.testkit.ElfFixtures;
import io.jenkins.plugins.multiarch.testkit.GoProgram;
import io.jenkins.plugins.multiarch.testkit.LayerBlob;
import io.jenkins.plugins.multiarch.testkit.LayerCompression;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.ScratchImage;
import io.jenkins.plugins.multiarch.testkit.Skopeo;
import io.jenkins.plugins.multiarch.testkit.TarLayer;
import io.jenkins.plugins.multiarch.testkit.UploadedImage;
import io.jenkins.plugins.multiarch.engine.verify.binary.AllBinariesScan;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The binary check on real images: built with buildah (or uploaded byte for byte where the layers must be exact),
 * pushed to a real registry, and read back through the engine's registry client.
 */
class BinaryImageCheckIntegrationTest {

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.anonymous();

    private static final BinaryImageCheck CHECK = BinaryImageCheck.programOnly();

    static Stream<Arguments> programsForTheirPlatform() {
        return Stream.of(
                Arguments.of("linux/amd64", ElfFixtures.x86_64(), "x86-64"),
                Arguments.of("linux/arm64", ElfFixtures.aarch64(), "AArch64"),
                Arguments.of("linux/arm/v7", ElfFixtures.armHardFloat(), "32-bit ARM hard-float (EABI5)"),
                Arguments.of("linux/s390x", ElfFixtures.s390x(), "IBM S/390 big-endian"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programsForTheirPlatform")
    void aProgramBuiltForTheImagesPlatformPasses(String platform, byte[] program, String architecture) {
        String tag = platform.replace("linux/", "").replace("/", "");
        ScratchImage.forPlatform(platform).file("/hello", program).entrypoint("/hello")
                .pushTo(registry.host(), "fit/app:" + tag);

        CheckResult result = check(platform, "fit/app:" + tag);

        assertThat(result.status()).as(result.message()).isEqualTo(CheckResult.Status.PASSED);
        assertThat(result.check()).isEqualTo("binary");
        assertThat(result.details()).containsEntry("checkedFile", "/hello")
                .containsEntry("detectedArchitecture", architecture)
                .containsEntry("summary", "/hello " + architecture + " ✓")
                .containsEntry("reason", "MATCHES")
                .containsEntry("layersOpened", "1 of 1")
                .containsKey("layerDigest");
        assertThat(Long.parseLong(result.details().get("bytesRead"))).isPositive();
    }

    @Test
    void realProgramsPass() throws IOException {
        byte[] hostTrue = Files.readAllBytes(Path.of("/bin/true"));
        ScratchImage.forPlatform("linux/amd64").file("/bin/true", hostTrue).entrypoint("/bin/true")
                .pushTo(registry.host(), "real/true:amd64");
        ScratchImage.forPlatform("linux/arm64").file("/hello", GoProgram.helloWorld("arm64")).entrypoint("/hello")
                .pushTo(registry.host(), "real/go:arm64");

        CheckResult hostProgram = check("linux/amd64", "real/true:amd64");
        CheckResult goProgram = check("linux/arm64", "real/go:arm64");

        assertThat(hostProgram.status()).as(hostProgram.message()).isEqualTo(CheckResult.Status.PASSED);
        assertThat(hostProgram.details()).containsEntry("detected", "an x86-64 ELF shared object (PIE)");
        assertThat(goProgram.status()).as(goProgram.message()).isEqualTo(CheckResult.Status.PASSED);
        assertThat(goProgram.details()).containsEntry("detected", "an AArch64 ELF executable");
    }

    @Test
    void anAmd64ProgramInAnArm64ImageFailsWithTheExactMessage() {
        ScratchImage.forPlatform("linux/arm64").file("/hello", ElfFixtures.x86_64()).entrypoint("/hello")
                .pushTo(registry.host(), "wrong/app:arm64");

        CheckResult result = check("linux/arm64", "wrong/app:arm64");

        assertThat(result.status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(result.message()).isEqualTo("linux/arm64 image " + registry.host() + "/wrong/app:arm64: /hello is an"
                + " x86-64 ELF executable; arm64 hosts would fail with 'exec format error'");
        assertThat(result.details()).containsEntry("summary", "/hello x86-64 ✗")
                .containsEntry("detectedArchitecture", "x86-64");
    }

    @Test
    void anEntrypointThroughSymlinksIsFollowedToTheProgram() {
        ScratchImage.forPlatform("linux/arm64")
                .file("/usr/bin/app-1.2", ElfFixtures.x86_64())
                .symlink("/usr/bin/app", "app-1.2")
                .symlink("/app", "/usr/bin/app")
                .entrypoint("/app")
                .pushTo(registry.host(), "links/app:arm64");

        CheckResult result = check("linux/arm64", "links/app:arm64");

        assertThat(result.status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(result.details()).containsEntry("chain", "/app -> /usr/bin/app-1.2")
                .containsEntry("checkedFile", "/usr/bin/app-1.2");
        assertThat(result.message()).contains("/usr/bin/app-1.2 is an x86-64 ELF executable (run as /app ->"
                + " /usr/bin/app-1.2); arm64 hosts would fail with 'exec format error'");
    }

    @Test
    void aShellFormCommandChecksTheShell() {
        ScratchImage.forPlatform("linux/arm64")
                .file("/bin/busybox", ElfFixtures.aarch64())
                .symlink("/bin/sh", "busybox")
                .shellEntrypoint("echo hello from the shell")
                .pushTo(registry.host(), "shell/app:arm64");

        CheckResult result = check("linux/arm64", "shell/app:arm64");

        assertThat(result.status()).as(result.message()).isEqualTo(CheckResult.Status.PASSED);
        assertThat(result.details()).containsEntry("chain", "/bin/sh -> /bin/busybox")
                .containsEntry("summary", "/bin/busybox AArch64 ✓");
    }

    @Test
    void aScriptWhoseShellIsForAnotherArchitectureFails() {
        ScratchImage.forPlatform("linux/arm64")
                .file("/entrypoint.sh", "#!/bin/sh\nexec echo hello\n")
                .file("/bin/busybox", ElfFixtures.x86_64())
                .symlink("/bin/sh", "busybox")
                .entrypoint("/entrypoint.sh")
                .pushTo(registry.host(), "script/app:arm64");

        CheckResult result = check("linux/arm64", "script/app:arm64");

        assertThat(result.status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(result.message()).endsWith(": /bin/busybox is an x86-64 ELF executable (run as /entrypoint.sh"
                + " -> #! /bin/sh -> /bin/busybox); arm64 hosts would fail with 'exec format error'");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LayerCompression.class)
    void everyLayerCompressionIsReadThroughTheRegistry(LayerCompression compression) throws Exception {
        String tag = compression.name().toLowerCase();
        TarLayer bottom = TarLayer.builder().file("etc/filler", randomBytes(64 * 1024)).build(compression);
        TarLayer top = TarLayer.builder().dir("app").file("app/server", ElfFixtures.aarch64Pie()).build(compression);
        UploadedImage.forPlatform("linux/arm64").layer(bottom).layer(top).entrypoint("/app/server")
                .pushTo(registry, "compressed/app:" + tag);
        assertThat(Skopeo.rawManifest(registry.host() + "/compressed/app:" + tag, null))
                .contains("\"mediaType\":\"" + compression.mediaType() + "\"");

        CheckResult result = check("linux/arm64", "compressed/app:" + tag);

        assertThat(result.status()).as(result.message()).isEqualTo(CheckResult.Status.PASSED);
        assertThat(result.details()).containsEntry("layerDigest", top.digest())
                .containsEntry("layersOpened", "1 of 2");
        assertThat(Long.parseLong(result.details().get("bytesRead"))).isPositive().isLessThanOrEqualTo(top.size());
    }

    @Test
    @FaultCase(area = "bounded work", fault = "a layer larger than the binary-check byte budget",
            outcome = "reading stops at the budget; the image is 'not checked', not failed")
    void aLayerLargerThanTheBudgetLeavesTheImageNotChecked() {
        TarLayer program = TarLayer.builder().file("hello", ElfFixtures.aarch64()).build();
        TarLayer big = TarLayer.builder().file("data/blob", randomBytes(256 * 1024)).build();
        UploadedImage.forPlatform("linux/arm64").layer(program).layer(big).entrypoint("/hello")
                .pushTo(registry, "budget/app:arm64");

        CheckResult result = check(new BinaryImageCheck(64 * 1024, BinaryImageCheck.PROGRAM_ONLY), "linux/arm64",
                "budget/app:arm64");

        assertThat(result.status()).isEqualTo(CheckResult.Status.NOT_CHECKED);
        assertThat(result.details()).containsEntry("summary", "not checked: budget")
                .containsEntry("reason", "BUDGET_EXCEEDED").containsEntry("byteBudget", "65536");
        assertThat(result.message()).contains("binary not checked: stopped after reading",
                "over the byte budget of 64.0 KiB; raise the budget to check this image");
    }

    @Test
    @FaultCase(area = "content", fault = "a program file that starts like ELF but is garbage",
            outcome = "reported as invalid ELF")
    void garbageThatStartsLikeElfIsNotAValidProgram() {
        byte[] garbage = "\u007fELF\u0002\u0001\u0001 and then nothing an ELF header needs".getBytes(StandardCharsets.ISO_8859_1);
        ScratchImage.forPlatform("linux/amd64").file("/hello", garbage).entrypoint("/hello")
                .pushTo(registry.host(), "garbage/app:amd64");

        CheckResult result = check("linux/amd64", "garbage/app:amd64");

        assertThat(result.status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(result.message()).contains("/hello starts like an ELF file but is not a valid ELF program (");
        assertThat(result.details()).containsEntry("summary", "/hello invalid ELF ✗");
    }

    @Test
    @FaultCase(area = "content", fault = "a layer blob that is not a tar",
            outcome = "an error naming the layer and its media type")
    void aLayerThatIsNotATarIsAnErrorNamingTheLayer() {
        byte[] noise = randomBytes(4096);
        Digest digest = Digest.sha256(noise);
        UploadedImage.forPlatform("linux/arm64")
                .layer(new LayerBlob(digest.toString(), noise.length, LayerCompression.GZIP.mediaType(), digest.toString(),
                        () -> new ByteArrayInputStream(noise)))
                .entrypoint("/hello")
                .pushTo(registry, "corrupt/app:arm64");

        assertThatThrownBy(() -> check("linux/arm64", "corrupt/app:arm64"))
                .isInstanceOf(MultiarchException.class)
                .hasMessageStartingWith("binary check: Could not read layer 1 of 1 (" + digest.toString().substring(0, 19))
                .hasMessageContaining("media type " + LayerCompression.GZIP.mediaType());
    }

    @Test
    void anImageWithoutEntrypointOrCmdIsNotChecked() {
        ScratchImage.forPlatform("linux/amd64").file("/hello", ElfFixtures.aarch64()).pushTo(registry.host(), "none/app:1");

        CheckResult result = check("linux/amd64", "none/app:1");

        assertThat(result.status()).isEqualTo(CheckResult.Status.NOT_CHECKED);
        assertThat(result.details()).containsEntry("summary", "not checked: no entrypoint")
                .containsEntry("layersOpened", "0 of 1");
    }

    @Test
    void allBinariesFindsAWrongLibraryBesideAFittingProgram() {
        ScratchImage.forPlatform("linux/arm64")
                .file("/hello", ElfFixtures.aarch64())
                .file("/usr/lib/libfast.so", ElfFixtures.x86_64Pie())
                .file("/usr/bin/tool", ElfFixtures.x86_64())
                .entrypoint("/hello")
                .pushTo(registry.host(), "all/app:arm64");

        CheckResult programOnly = check("linux/arm64", "all/app:arm64");
        CheckResult all = check(new BinaryImageCheck(64L << 20, AllBinariesScan.ALL_LAYERS), "linux/arm64",
                "all/app:arm64");

        assertThat(programOnly.status()).isEqualTo(CheckResult.Status.PASSED);
        assertThat(all.status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(all.message()).startsWith("linux/arm64 image " + registry.host() + "/all/app:arm64: 2 of 3 ELF files"
                + " in the newest layer are built for another platform: ")
                .contains("/usr/lib/libfast.so", "/usr/bin/tool", "; /hello is an AArch64 ELF executable, as expected");
        assertThat(all.details().get("allBinaries.mismatches").lines())
                .anySatisfy(line -> assertThat(line).startsWith("/usr/lib/libfast.so is an x86-64 ELF shared object"))
                .anySatisfy(line -> assertThat(line).startsWith("/usr/bin/tool is an x86-64 ELF executable"))
                .hasSize(2);
        assertThat(all.details()).containsEntry("summary", "/hello AArch64 ✓; 2 of 3 ELF files ✗")
                .containsEntry("allBinaries.elfFiles", "3");
    }

    // ---- helpers ----

    private static CheckResult check(String platform, String repoAndTag) {
        return check(CHECK, platform, repoAndTag);
    }

    private static CheckResult check(BinaryImageCheck check, String platform, String repoAndTag) {
        RegistryClient client = RegistryClient.builder(registry.host()).build();
        ResolvedImage image = new ImageResolver(client).resolve(Platform.parse(platform),
                ImageReference.parse(registry.host() + "/" + repoAndTag));
        return check.check(image, client);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
