package io.jenkins.plugins.multiarch.engine.verify.binary;

import io.jenkins.plugins.multiarch.testkit.TarLayer;
import io.jenkins.plugins.multiarch.testkit.LayerCompression;

import io.jenkins.plugins.multiarch.testkit.ElfFixtures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BinaryPlatformCheckTest {

    private static final String REF = "registry.example/app:1.0";

    @Test
    void matchingProgramPasses() throws IOException {
        BinaryCheckResult result = check("linux/arm64", entrypoint("/hello"), TarLayer.withFile("hello", ElfFixtures.aarch64()));

        assertThat(result.status()).isEqualTo(BinaryCheckStatus.PASS);
        assertThat(result.reason()).isEqualTo(BinaryCheckReason.MATCHES);
        assertThat(result.checkedPath()).isEqualTo("/hello");
        assertThat(result.detected()).isEqualTo("an AArch64 ELF executable");
        assertThat(result.chain()).containsExactly("/hello");
        assertThat(result.message())
                .isEqualTo("linux/arm64 image " + REF + ": /hello is an AArch64 ELF executable, as expected");
    }

    @Test
    void amd64ProgramInArm64ImageFails() throws IOException {
        TarLayer layer = TarLayer.withFile("hello", ElfFixtures.x86_64());

        BinaryCheckResult result = check("linux/arm64", entrypoint("/hello"), layer);

        assertThat(result.status()).isEqualTo(BinaryCheckStatus.MISMATCH);
        assertThat(result.reason()).isEqualTo(BinaryCheckReason.WRONG_ARCHITECTURE);
        assertThat(result.message()).isEqualTo("linux/arm64 image registry.example/app:1.0: /hello is an x86-64 ELF"
                + " executable; arm64 hosts would fail with 'exec format error'");
        assertThat(result.layerDigest()).isEqualTo(layer.digest());
        assertThat(result.bytesRead()).isPositive().isLessThanOrEqualTo(layer.size());
    }

    static Stream<Arguments> programsForTheirPlatform() {
        return Stream.of(
                Arguments.of("linux/amd64", ElfFixtures.x86_64()),
                Arguments.of("linux/amd64", ElfFixtures.x86_64Pie()),
                Arguments.of("linux/arm64", ElfFixtures.aarch64Pie()),
                Arguments.of("linux/arm64/v8", ElfFixtures.aarch64()),
                Arguments.of("linux/arm/v7", ElfFixtures.armHardFloat()),
                Arguments.of("linux/arm/v6", ElfFixtures.armHardFloat()),
                Arguments.of("linux/arm", ElfFixtures.armHardFloat()),
                Arguments.of("linux/arm/v6", ElfFixtures.armSoftFloat()),
                Arguments.of("linux/arm/v5", ElfFixtures.armSoftFloat()),
                Arguments.of("linux/arm/v5", ElfFixtures.armGo()),
                Arguments.of("linux/arm/v7", ElfFixtures.armGo()),
                Arguments.of("linux/386", ElfFixtures.i386()),
                Arguments.of("linux/s390x", ElfFixtures.s390x()),
                Arguments.of("linux/ppc64le", ElfFixtures.ppc64le()),
                Arguments.of("linux/riscv64", ElfFixtures.riscv64()),
                Arguments.of("linux/mips64le", ElfFixtures.mips64le()),
                Arguments.of("linux/loong64", ElfFixtures.loong64()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programsForTheirPlatform")
    void programsPassOnTheirPlatform(String platform, byte[] program) throws IOException {
        BinaryCheckResult result = check(platform, entrypoint("/app"), TarLayer.withFile("app", program));

        assertThat(result.status()).as(result.message()).isEqualTo(BinaryCheckStatus.PASS);
    }

    static Stream<Arguments> programsForOtherPlatforms() {
        return Stream.of(
                Arguments.of("linux/amd64", ElfFixtures.i386(), "amd64 hosts would fail with 'exec format error'"),
                Arguments.of("linux/arm64", ElfFixtures.armHardFloat(), "arm64 hosts would fail with 'exec format error'"),
                Arguments.of("linux/arm/v7", ElfFixtures.aarch64(), "arm/v7 hosts would fail with 'exec format error'"),
                Arguments.of("linux/ppc64le", ElfFixtures.s390x(), "ppc64le hosts would fail with 'exec format error'"),
                Arguments.of("linux/s390x", ElfFixtures.ppc64le(), "s390x hosts would fail with 'exec format error'"),
                Arguments.of("linux/riscv64", ElfFixtures.x86_64(), "riscv64 hosts would fail with 'exec format error'"),
                Arguments.of("linux/arm/v7", ElfFixtures.armSoftFloat(),
                        "arm/v7 userlands are hard-float (armhf), so arm/v7 hosts cannot load a soft-float (armel)"
                                + " program's libraries"),
                Arguments.of("linux/arm", ElfFixtures.armSoftFloat(), "arm/v7 userlands are hard-float"),
                Arguments.of("linux/arm/v5", ElfFixtures.armHardFloat(), "arm/v5 userlands are soft-float (armel)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programsForOtherPlatforms")
    void programsForOtherPlatformsMismatch(String platform, byte[] program, String consequence) throws IOException {
        BinaryCheckResult result = check(platform, entrypoint("/app"), TarLayer.withFile("app", program));

        assertThat(result.status()).isEqualTo(BinaryCheckStatus.MISMATCH);
        assertThat(result.message()).startsWith(platform + " image " + REF + ": /app is ").contains(consequence);
    }

    @ParameterizedTest
    @ValueSource(strings = {"./usr/local/bin/app", "usr/local/bin/app", "/usr/local/bin/app"})
    void entryNamesWithOrWithoutLeadingDotOrSlashAreFound(String entryName) throws IOException {
        TarLayer layer = TarLayer.builder().dir("./usr/").dir("./usr/local/").file(entryName, ElfFixtures.x86_64()).build();

        BinaryCheckResult result = check("linux/arm64", entrypoint("/usr/local/bin/app"), layer);

        assertThat(result.reason()).isEqualTo(BinaryCheckReason.WRONG_ARCHITECTURE);
        assertThat(result.checkedPath()).isEqualTo("/usr/local/bin/app");
    }

    @Test
    void entrypointThroughAbsoluteSymlink() throws IOException {
        TarLayer layer = TarLayer.builder()
                .file("opt/app/bin/app", ElfFixtures.x86_64())
                .symlink("usr/local/bin/app", "/opt/app/bin/app")
                .build();

        BinaryCheckResult result = check("linux/arm64", entrypoint("/usr/local/bin/app"), layer);

        assertThat(result.reason()).isEqualTo(BinaryCheckReason.WRONG_ARCHITECTURE);
        assertThat(result.checkedPath()).isEqualTo("/opt/app/bin/app");
        assertThat(result.chainText()).isEqualTo("/usr/local/bin/app -> /opt/app/bin/app");
        assertThat(result.message()).isEqualTo("linux/arm64 image " + REF + ": /opt/app/bin/app is an x86-64 ELF"
                + " executable (run as /usr/local/bin/app -> /opt/app/bin/app); arm64 hosts would fail with"
                + " 'exec format error'");
    }

    @Test
    void entrypointThroughChainedRelativeSymlinksAcrossLayers() throws IOException {
        TarLayer base = TarLayer.builder()
                .file("usr/lib/hello/hello-1.2", ElfFixtures.aarch64())
                .symlink("usr/lib/hello/current", "hello-1.2")
                .build();
        TarLayer top = TarLayer.builder().symlink("usr/bin/hello", "../lib/hello/current").build();

        BinaryCheckResult result = check("linux/arm64", entrypoint("/usr/bin/hello"), base, top);

        assertThat(result.reason()).isEqualTo(BinaryCheckReason.MATCHES);
        assertThat(result.checkedPath()).isEqualTo("/usr/lib/hello/hello-1.2");
        assertThat(result.layerDigest()).isEqualTo(base.digest());
    }

    @Test
    void symlinkTargetIsResolvedFromTheNewestLayer() throws IOException {
        // The symlink lives in the base, but a newer layer replaced its target.
        TarLayer base = TarLayer.builder()
                .file("usr/bin/real", ElfFixtures.aarch64())
                .symlink("usr/bin/app", "real")
                .build();
        TarLayer top = TarLayer.withFile("usr/bin/real", ElfFixtures.x86_64());

        BinaryCheckResult result = check("linux/arm64", entrypoint("/usr/bin/app"), base, top);

        assertThat(result.reason()).isEqualTo(BinaryCheckReason.WRONG_ARCHITECTURE);
        assertThat(result.layerDigest()).isEqualTo(top.digest());
    }

    @Test
    void binShThroughMergedUsrSymlinkedDirectory() throws IOException {
        // Merged-/usr images: /bin is a symlink to usr/bin, and /usr/bin/sh a symlink to dash.
        TarLayer base = TarLayer.builder()
                .symlink("bin", "usr/bin")
                .dir("usr/bin")
                .file("usr/bin/dash", ElfFixtures.aarch64Pie())
                .symlink("usr/bin/sh", "dash")
                .build();
        TarLayer app = TarLayer.builder().text("app/readme", "hi").build();

        BinaryCheckResult result = check("linux/arm64", entrypoint("/bin/sh"), base, app);

        assertThat(result.reason()).isEqualTo(BinaryCheckReason.MATCHES);
        assertThat(result.checkedPath()).isEqualTo("/usr/bin/dash");
        assertThat(result.chainText()).isEqualTo("/bin/sh -> /usr/bin/dash");
        assertThat(result.detected()).isEqualTo("an AArch64 ELF shared object (PIE)");
    }

    @Test
    void fileAddedThroughSymlinkedDirectoryInANewerLayerIsFound() throws IOException {
        TarLayer base = TarLayer.builder().symlink("bin", "usr/bin").file("usr/bin/sh", ElfFixtures.aarch64()).build();
        TarLayer top = TarLayer.withFile("usr/bin/sh", ElfFixtures.x86_64());

        BinaryCheckResult result = check("linux/arm64", entrypoint("/bin/sh"), base, top);

        assertThat(result.reason()).isEqualTo(BinaryCheckReason.WRONG_ARCHITECTURE);
        assertThat(result.layerDigest()).isEqualTo(top.digest());
    }

    @Test
    void newerDirectoryHidesOlderSymlinkAtTheSamePath() throws IOException {
        // Overlay semantics: a directory in a newer layer replaces an older symlink; what was behind it is gone.
        TarLayer base = TarLayer.builder().symlink("bin", "usr/bin").file("usr/bin/tool", ElfFixtures.aarch64()).build();
        TarLayer top = TarLayer.builder().dir("bin").file("bin/other", ElfFixtures.aarch64()).build();

        BinaryCheckResult result = check("linux/arm64", entrypoint("/bin/tool"), base, top);

        assertThat(result.reason()).isEqualTo(BinaryCheckReason.FILE_NOT_FOUND);
        assertThat(result.message()).contains("a newer layer has /bin as a directory");
    }

    @Test
    void fileUnderARegularFileIsNotFound() throws IOException {
        TarLayer layer = TarLayer.builder().text("opt", "not a directory").build();

        BinaryCheckResult result = check("linux/arm64", entrypoint("/opt/app"), layer);

        assertThat(result.reason()).isEqualTo(BinaryCheckReason.FILE_NOT_FOUND);
        assertThat(result.message()).contains("/opt is not a directory");
    }

    @Test
    void deletedThenReAddedEntrypointIsCheckedAsReAdded() throws IOException {
        TarLayer original = TarLayer.withFile("hello", ElfFixtures.x86_64());
        TarLayer deletion = TarLayer.builder().whiteout("hello").build();
        TarLayer readded = TarLayer.withFile("hello", ElfFixtures.aarch64());

        BinaryCheckResult result = check("linux/arm64", entrypoint("/hello"), original, deletion, readded);

        assertThat(result.reason()).isEqualTo(BinaryCheckReason.MATCHES);
        assertThat(result.layerDigest()).isEqualTo(readded.digest());
        assertThat(original.opens()).isZero();
        assertThat(deletion.opens()).isZero();
    }

    @Test
    void deletedEntrypointIsNotFound() throws IOException {
        TarLayer original = TarLayer.withFile("hello", ElfFixtures.x86_64());
        TarLayer deletion = TarLayer.builder().whiteout("hello").build();

        BinaryCheckResult result = check("linux/arm64", entrypoint("/hello"), original, deletion);

        assertThat(result.status()).isEqualTo(BinaryCheckStatus.NOT_CHECKED);
        assertThat(result.reason()).isEqualTo(BinaryCheckReason.FILE_NOT_FOUND);
        assertThat(result.message()).isEqualTo("linux/arm64 image " + REF + ": binary not checked: /hello was deleted"
                + " by the whiteout /.wh.hello in layer 2 of 2 (" + deletion.digest().substring(0, 19) + "…);"
                + " containers would fail with 'no such file or directory'");
        assertThat(original.opens()).as("the deleted layer need not be read").isZero();
    }

    @Test
    void whiteoutOfAParentDirectoryDeletesTheFile() throws IOException {
        TarLayer original = TarLayer.withFile("opt/app/hello", ElfFixtures.aarch64());
        TarLayer deletion = TarLayer.builder().whiteout("opt/app").build();

        BinaryCheckResult result = check("linux/arm64", entrypoint("/opt/app/hello"), original, deletion);

        assertThat(result.reason()).isEqualTo(BinaryCheckReason.FILE_NOT_FOUND);
        assertThat(result.message()).contains("deleted by the whiteout /opt/.wh.app");
    }

    @Test
    void whiteoutDoesNotHideTheSameLayersFile() throws IOException {
        TarLayer original = TarLayer.withFile("hello", ElfFixtures.x86_64());
        TarLayer replaced = TarLayer.builder().whiteout("hello").file("hello", ElfFixtures.aarch64()).build();

        assertThat(check("linux/arm64", entrypoint("/hello"), original, replaced).reason())
                .isEqualTo(BinaryCheckReason.MATCHES);
    }

    @Test
    void opaqueDirectoryHidesOlderContents() throws IOException {
        TarLayer original = TarLayer.withFile("app/hello", ElfFixtures.aarch64());
        TarLayer opaque = TarLayer.builder().dir("app").opaque("app").text("app/other", "x").build();

        BinaryCheckResult result = check("linux/arm64", entrypoint("/app/hello"), original, opaque);

        assertThat(result.reason()).isEqualTo(BinaryCheckReason.FILE_NOT_FOUND);
        assertThat(result.message()).contains("/app/hello was removed: /app was made opaque in layer 2 of 2");
    }

    @Test
    void opaqueDirectoryKeepsItsOwnLayersContents() throws IOException {
        TarLayer original = TarLayer.withFile("app/hello", ElfFixtures.aarch64());
        TarLayer opaque = TarLayer.builder().dir("app").opaque("app").file("app/hello", ElfFixtures.x86_64()).build();

        BinaryCheckResult result = check("linux/arm64", entrypoint("/app/hello"), original, opaque);

        assertThat(result.reason()).isEqualTo(BinaryCheckReason.WRONG_ARCHITECTURE);
        assertThat(result.layerDigest()).isEqualTo(opaque.digest());
    }

    @Test
    void hardlinkedBusyboxIsFollowed() throws IOException {
        TarLayer layer = TarLayer.builder()
                .file("bin/busybox", ElfFixtures.x86_64())
                .hardlink("bin/sh", "bin/busybox")
                .build();

        BinaryCheckResult result = check("linux/arm64", entrypoint("/bin/sh", "-c", "true"), layer);

        assertThat(result.reason()).isEqualTo(BinaryCheckReason.WRONG_ARCHITECTURE);
        assertThat(result.checkedPath()).isEqualTo("/bin/busybox");
    }

    @Test
    void hardlinkToAnOlderLayerIgnoresNewerReplacementsOfItsTarget() throws IOException {
        // A hard link shares the inode its target had when the link's layer was applied.
        TarLayer base = TarLayer.withFile("bin/busybox", ElfFixtures.aarch64());
        TarLayer links = TarLayer.builder().hardlink("bin/sh", "bin/busybox").build();
        TarLayer replaced = TarLayer.withFile("bin/busybox", ElfFixtures.x86_64());

        BinaryCheckResult result = check("linux/arm64", entrypoint("/bin/sh"), base, links, replaced);

        assertThat(result.reason()).isEqualTo(BinaryCheckReason.MATCHES);
        assertThat(result.layerDigest()).isEqualTo(base.digest());
    }

    @Test
    void shellFormCommandChecksBinSh() throws IOException {
        TarLayer layer = TarLayer.builder().file("bin/sh", ElfFixtures.armHardFloat()).text("app/run", "echo hi").build();
        ImageRunConfig shellForm = new ImageRunConfig(null, List.of("/bin/sh", "-c", "/app/run --port 80"), null, null);

        BinaryCheckResult result = check("linux/arm/v7", shellForm, layer);

        assertThat(result.reason()).isEqualTo(BinaryCheckReason.MATCHES);
        assertThat(result.checkedPath()).isEqualTo("/bin/sh");
        assertThat(result.detected()).isEqualTo("a 32-bit ARM hard-float (EABI5) ELF executable");
    }

    @Test
    void entrypointWinsOverCmd() throws IOException {
        TarLayer layer = TarLayer.builder().file("a", ElfFixtures.aarch64()).file("b", ElfFixtures.x86_64()).build();

        BinaryCheckResult result = check("linux/arm64",
                new ImageRunConfig(List.of("/a"), List.of("/b"), null, null), layer);

        assertThat(result.checkedPath()).isEqualTo("/a");
    }

    @Test
    void scriptWhoseShellIsForAnotherArchitectureFailsNamingTheChain() throws IOException {
        TarLayer base = TarLayer.builder()
                .file("bin/busybox", ElfFixtures.x86_64())
                .symlink("bin/sh", "busybox")
                .build();
        TarLayer app = TarLayer.builder().text("entrypoint.sh", "#!/bin/sh\nexec /app \"$@\"\n").build();

        BinaryCheckResult result = check("linux/arm64", entrypoint("/entrypoint.sh"), base, app);

        assertThat(result.reason()).isEqualTo(BinaryCheckReason.WRONG_ARCHITECTURE);
        assertThat(result.chain()).containsExactly("/entrypoint.sh", "#! /bin/sh", "/bin/busybox");
        assertThat(result.message()).isEqualTo("linux/arm64 image " + REF + ": /bin/busybox is an x86-64 ELF executable"
                + " (run as /entrypoint.sh -> #! /bin/sh -> /bin/busybox); arm64 hosts would fail with"
                + " 'exec format error'");
    }

    @Test
    void envShebangLooksTheInterpreterUpThroughPath() throws IOException {
        TarLayer base = TarLayer.builder()
                .file("usr/bin/env", ElfFixtures.aarch64())
                .file("usr/local/bin/python3.12", ElfFixtures.aarch64())
                .symlink("usr/local/bin/python3", "python3.12")
                .build();
        TarLayer app = TarLayer.builder().text("app/run.py", "#!/usr/bin/env python3\nprint('hi')\n").build();
        ImageRunConfig config = new ImageRunConfig(null, List.of("./run.py"), "/app",
                List.of("LANG=C.UTF-8", "PATH=/usr/local/bin:/usr/bin"));

        BinaryCheckResult result = check("linux/arm64", config, base, app);

        assertThat(result.reason()).isEqualTo(BinaryCheckReason.MATCHES);
        assertThat(result.chain())
                .containsExactly("./run.py", "/app/run.py", "#! /usr/bin/env python3", "/usr/local/bin/python3.12");
    }

    @Test
    void envShebangWithOptionsAndAssignments() throws IOException {
        TarLayer layer = TarLayer.builder()
                .file("usr/bin/node", ElfFixtures.x86_64())
                .text("app/main.js", "#!/usr/bin/env -S NODE_ENV=production node --max-old-space-size=256\n")
                .build();

        BinaryCheckResult result = check("linux/arm64", entrypoint("/app/main.js"), layer);

        assertThat(result.reason()).isEqualTo(BinaryCheckReason.WRONG_ARCHITECTURE);
        assertThat(result.checkedPath()).isEqualTo("/usr/bin/node");
    }

    @Test
    void programNameIsSearchedInPathOrderSkippingNonExecutables() throws IOException {
        TarLayer layer = TarLayer.builder()
                .file("opt/bin/hello", ElfFixtures.x86_64(), 0644)
                .file("usr/bin/hello", ElfFixtures.aarch64())
                .file("bin/hello", ElfFixtures.x86_64())
                .build();
        ImageRunConfig config = new ImageRunConfig(List.of("hello"), null, null, List.of("PATH=/opt/bin:/usr/bin:/bin"));

        BinaryCheckResult result = check("linux/arm64", config, layer);

        assertThat(result.reason()).isEqualTo(BinaryCheckReason.MATCHES);
        assertThat(result.checkedPath()).isEqualTo("/usr/bin/hello");
    }

    @Test
    void pathSearchPrefersTheEarlierDirectoryEvenInAnOlderLayer() throws IOException {
        TarLayer base = TarLayer.withFile("usr/local/bin/tool", ElfFixtures.aarch64());
        TarLayer top = TarLayer.withFile("usr/bin/tool", ElfFixtures.x86_64());

        BinaryCheckResult result = check("linux/arm64", new ImageRunConfig(null, List.of("tool"), null, null), base, top);

        assertThat(result.reason()).isEqualTo(BinaryCheckReason.MATCHES);
        assertThat(result.checkedPath()).isEqualTo("/usr/local/bin/tool");
    }

    @Test
    void programMissingFromPathIsNotChecked() throws IOException {
        BinaryCheckResult result = check("linux/arm64", new ImageRunConfig(null, List.of("nginx", "-g"), null, null),
                TarLayer.withFile("usr/bin/other", ElfFixtures.aarch64()));

        assertThat(result.status()).isEqualTo(BinaryCheckStatus.NOT_CHECKED);
        assertThat(result.reason()).isEqualTo(BinaryCheckReason.FILE_NOT_FOUND);
        assertThat(result.message()).contains("nginx is not an executable file in any PATH directory (PATH="
                + ImageRunConfig.DEFAULT_PATH + ")");
    }

    @Test
    void noEntrypointOrCmdIsNotChecked() throws IOException {
        BinaryCheckResult result = check("linux/arm64", new ImageRunConfig(null, List.of(), "/", null),
                TarLayer.withFile("hello", ElfFixtures.aarch64()));

        assertThat(result.status()).isEqualTo(BinaryCheckStatus.NOT_CHECKED);
        assertThat(result.reason()).isEqualTo(BinaryCheckReason.NO_PROGRAM);
        assertThat(result.chain()).isEmpty();
        assertThat(result.bytesRead()).isZero();
    }

    @Test
    void nonLinuxPlatformIsNotChecked() throws IOException {
        BinaryCheckResult result = check("windows/amd64", entrypoint("/hello"),
                TarLayer.withFile("hello", ElfFixtures.x86_64()));

        assertThat(result.reason()).isEqualTo(BinaryCheckReason.UNSUPPORTED_PLATFORM);
    }

    @Test
    void symlinkLoopIsReportedNotFollowedForever() throws IOException {
        TarLayer layer = TarLayer.builder().symlink("a", "b").symlink("b", "/c").symlink("c", "a").build();

        BinaryCheckResult result = check("linux/arm64", entrypoint("/a"), layer);

        assertThat(result.reason()).isEqualTo(BinaryCheckReason.FILE_NOT_FOUND);
        assertThat(result.message()).contains("/a -> /b -> /c: symbolic link loop through /a");
        assertThat(layer.opens()).isLessThanOrEqualTo(4);
    }

    @Test
    void directoryAtTheEntrypointIsNotFound() throws IOException {
        TarLayer layer = TarLayer.builder().file("app/bin/x", ElfFixtures.aarch64()).build();

        BinaryCheckResult result = check("linux/arm64", entrypoint("/app"), layer);

        assertThat(result.reason()).isEqualTo(BinaryCheckReason.FILE_NOT_FOUND);
        assertThat(result.message()).contains("/app is a directory");
    }

    @Test
    void textFileWithoutShebangIsNotChecked() throws IOException {
        BinaryCheckResult result = check("linux/arm64", entrypoint("/run"),
                TarLayer.builder().text("run", "echo hello\n").build());

        assertThat(result.status()).isEqualTo(BinaryCheckStatus.NOT_CHECKED);
        assertThat(result.reason()).isEqualTo(BinaryCheckReason.NOT_ELF);
        assertThat(result.message()).isEqualTo("linux/arm64 image " + REF
                + ": binary not checked: /run is not an ELF program (it starts with \"echo hello\\n\")");
    }

    @Test
    void tinyAndEmptyFilesAreNotCheckedWithoutCrashing() throws IOException {
        TarLayer layer = TarLayer.builder().text("short", "hi").file("empty", new byte[0]).build();

        assertThat(check("linux/arm64", entrypoint("/short"), layer).reason()).isEqualTo(BinaryCheckReason.NOT_ELF);
        assertThat(check("linux/arm64", entrypoint("/empty"), layer).message()).endsWith("(it is empty)");
    }

    @Test
    void truncatedElfFails() throws IOException {
        byte[] truncated = Arrays.copyOf(ElfFixtures.aarch64(), 40);

        BinaryCheckResult result = check("linux/arm64", entrypoint("/hello"), TarLayer.withFile("hello", truncated));

        assertThat(result.status()).isEqualTo(BinaryCheckStatus.MISMATCH);
        assertThat(result.reason()).isEqualTo(BinaryCheckReason.INVALID_ELF);
        assertThat(result.message()).isEqualTo("linux/arm64 image " + REF + ": /hello starts like an ELF file but is"
                + " not a valid ELF program (truncated header: 40 of 64 bytes); hosts would fail with"
                + " 'exec format error'");
    }

    @Test
    void elfMagicFollowedByGarbageFails() throws IOException {
        byte[] garbage = "\u007fELF\u0009\u0009garbage garbage garbage garbage garbage garbage garbage"
                .getBytes(StandardCharsets.ISO_8859_1);

        BinaryCheckResult result = check("linux/arm64", entrypoint("/hello"), TarLayer.withFile("hello", garbage));

        assertThat(result.reason()).isEqualTo(BinaryCheckReason.INVALID_ELF);
        assertThat(result.message()).contains("(unknown ELF class 9)");
    }

    @Test
    void relocatableObjectAtTheEntrypointFails() throws IOException {
        byte[] object = ElfFixtures.elf(64, ByteOrder.LITTLE_ENDIAN, 183, 0, ElfFixtures.ET_REL);

        BinaryCheckResult result = check("linux/arm64", entrypoint("/hello.o"), TarLayer.withFile("hello.o", object));

        assertThat(result.reason()).isEqualTo(BinaryCheckReason.INVALID_ELF);
        assertThat(result.message()).contains("is an AArch64 ELF relocatable object, not a program");
    }

    @ParameterizedTest
    @EnumSource(LayerCompression.class)
    void everyCompressionIsRead(LayerCompression compression) throws IOException {
        TarLayer base = TarLayer.builder().file("hello", ElfFixtures.aarch64()).build(compression);
        TarLayer top = TarLayer.builder().text("etc/motd", "hi").build(compression);

        assertThat(check("linux/arm64", entrypoint("/hello"), base, top).reason()).isEqualTo(BinaryCheckReason.MATCHES);
        assertThat(check("linux/amd64", entrypoint("/hello"), base, top).reason())
                .isEqualTo(BinaryCheckReason.WRONG_ARCHITECTURE);
    }

    @ParameterizedTest
    @EnumSource(LayerCompression.class)
    void compressionIsDetectedEvenWhenTheMediaTypeIsWrong(LayerCompression compression) throws IOException {
        String wrongType = compression == LayerCompression.GZIP ? LayerCompression.ZSTD.mediaType() : LayerCompression.GZIP.mediaType();
        TarLayer layer = TarLayer.builder().file("hello", ElfFixtures.aarch64()).build(compression, wrongType);

        assertThat(check("linux/arm64", entrypoint("/hello"), layer).reason()).isEqualTo(BinaryCheckReason.MATCHES);
    }

    @Test
    void dockerMediaTypesAreRead() throws IOException {
        TarLayer gzip = TarLayer.builder().file("hello", ElfFixtures.aarch64())
                .build(LayerCompression.GZIP, "application/vnd.docker.image.rootfs.diff.tar.gzip");
        TarLayer plain = TarLayer.builder().text("etc/motd", "hi")
                .build(LayerCompression.NONE, "application/vnd.docker.image.rootfs.diff.tar");

        assertThat(check("linux/arm64", entrypoint("/hello"), gzip, plain).reason()).isEqualTo(BinaryCheckReason.MATCHES);
    }

    @Test
    void budgetSmallerThanTheLayersStopsWithNotChecked() throws IOException {
        GeneratedLayer base = GeneratedLayer.builder().file("hello", ElfFixtures.x86_64()).build();
        GeneratedLayer big = GeneratedLayer.builder().zeroFile("data/blob", 4L << 20).build();

        BinaryCheckResult result = new BinaryPlatformCheck(1 << 20)
                .check(REF, ExpectedPlatform.parse("linux/arm64"), entrypoint("/hello"), List.of(base, big));

        assertThat(result.status()).isEqualTo(BinaryCheckStatus.NOT_CHECKED);
        assertThat(result.reason()).isEqualTo(BinaryCheckReason.BUDGET_EXCEEDED);
        assertThat(result.message()).isEqualTo("linux/arm64 image " + REF + ": binary not checked: stopped after"
                + " reading " + ByteBudget.format(result.bytesRead()) + " of compressed layers, over the byte budget of"
                + " 1.0 MiB; raise the budget to check this image");
        assertThat(result.bytesRead()).isGreaterThan(1 << 20).isLessThan((1 << 20) + (64 << 10));
        assertThat(base.opens()).isZero();
    }

    @Test
    void budgetIsCountedInCompressedBytes() throws IOException {
        // 8 MiB of zeros gzip to a few KiB: a 1 MiB budget is plenty.
        TarLayer base = TarLayer.withFile("hello", ElfFixtures.aarch64());
        TarLayer big = TarLayer.builder().file("data/zeros", new byte[8 << 20], 0644).build(LayerCompression.GZIP);

        BinaryCheckResult result = new BinaryPlatformCheck(1 << 20)
                .check(REF, ExpectedPlatform.parse("linux/arm64"), entrypoint("/hello"), TarLayers.sources(base, big));

        assertThat(result.reason()).isEqualTo(BinaryCheckReason.MATCHES);
        // Both blobs are smaller than the decompressor's buffer, so both are read whole.
        assertThat(result.bytesRead()).isEqualTo(big.size() + base.size());
    }

    @Test
    void olderLayersAreNeverOpenedOnceTheEntrypointIsFound() throws IOException {
        GeneratedLayer huge = GeneratedLayer.builder().zeroFile("usr/share/data", 200L << 20)
                .file("hello", ElfFixtures.x86_64()).build();
        TarLayer top = TarLayer.builder().file("hello", ElfFixtures.aarch64()).build(LayerCompression.NONE);

        BinaryCheckResult result = check("linux/arm64", entrypoint("/hello"), huge, TarLayers.source(top));

        assertThat(result.reason()).isEqualTo(BinaryCheckReason.MATCHES);
        assertThat(huge.opens()).isZero();
        assertThat(result.bytesRead()).isPositive().isLessThanOrEqualTo(top.size());
    }

    @Test
    void readingALayerStopsAtTheFoundEntry() throws IOException {
        GeneratedLayer layer = GeneratedLayer.builder().file("hello", ElfFixtures.aarch64())
                .zeroFile("usr/share/data", 200L << 20).build();

        BinaryCheckResult result = check("linux/arm64", entrypoint("/hello"), layer);

        assertThat(result.reason()).isEqualTo(BinaryCheckReason.MATCHES);
        assertThat(result.bytesRead()).isLessThan(16 << 10);
        assertThat(layer.bytesServed()).isEqualTo(result.bytesRead());
    }

    @Test
    void aFileBehindABigEntryCostsTheWholeWayThere() throws IOException {
        // The counterpart of the test above: bytes read really are counted.
        GeneratedLayer layer = GeneratedLayer.builder().zeroFile("usr/share/data", 200L << 20)
                .file("hello", ElfFixtures.aarch64()).build();

        BinaryCheckResult result = check("linux/arm64", entrypoint("/hello"), layer);

        assertThat(result.reason()).isEqualTo(BinaryCheckReason.MATCHES);
        assertThat(result.bytesRead()).isGreaterThan(200L << 20).isEqualTo(layer.bytesServed());
    }

    @Test
    void realProgramFromThisMachine() throws IOException {
        byte[] program = Files.readAllBytes(Path.of("/bin/true"));
        String hostArchitecture = HostArchitecture.oci();
        String otherArchitecture = hostArchitecture.equals("arm64") ? "amd64" : "arm64";
        TarLayer layer = TarLayer.builder().symlink("bin", "usr/bin").file("usr/bin/true", program).build();

        BinaryCheckResult onHost = check("linux/" + hostArchitecture, entrypoint("/bin/true"), layer);
        BinaryCheckResult elsewhere = check("linux/" + otherArchitecture, entrypoint("/bin/true"), layer);

        assertThat(onHost.reason()).as(onHost.message()).isEqualTo(BinaryCheckReason.MATCHES);
        assertThat(elsewhere.reason()).isEqualTo(BinaryCheckReason.WRONG_ARCHITECTURE);
        assertThat(elsewhere.message()).endsWith(otherArchitecture + " hosts would fail with 'exec format error'");
    }

    private static ImageRunConfig entrypoint(String... argv) {
        return new ImageRunConfig(List.of(argv), null, null, null);
    }

    private static BinaryCheckResult check(String platform, ImageRunConfig config, LayerSource... layers)
            throws IOException {
        return new BinaryPlatformCheck().check(REF, ExpectedPlatform.parse(platform), config, List.of(layers));
    }

    private static BinaryCheckResult check(String platform, ImageRunConfig config, TarLayer... layers)
            throws IOException {
        return new BinaryPlatformCheck().check(REF, ExpectedPlatform.parse(platform), config,
                TarLayers.sources(layers));
    }
}
