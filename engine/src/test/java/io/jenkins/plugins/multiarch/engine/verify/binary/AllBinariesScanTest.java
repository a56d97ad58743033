package io.jenkins.plugins.multiarch.engine.verify.binary;

import io.jenkins.plugins.multiarch.testkit.TarLayer;

import io.jenkins.plugins.multiarch.testkit.ElfFixtures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.List;

import org.junit.jupiter.api.Test;

class AllBinariesScanTest {

    private static final String REF = "registry.example/app:1.0";
    private static final ExpectedPlatform ARM64 = ExpectedPlatform.parse("linux/arm64");

    private final TarLayer base = TarLayer.builder()
            .file("usr/bin/x86tool", ElfFixtures.x86_64())
            .file("usr/bin/good", ElfFixtures.aarch64())
            .build();
    private final TarLayer app = TarLayer.builder()
            .file("app/good", ElfFixtures.aarch64Pie())
            .file("app/bad", ElfFixtures.x86_64())
            .file("app/lib/libfoo.so", ElfFixtures.x86_64Pie(), 0644)
            .file("app/obj/foo.o", ElfFixtures.elf(64, ByteOrder.LITTLE_ENDIAN, 62, 0, ElfFixtures.ET_REL), 0644)
            .text("app/readme", "not a program")
            .symlink("app/link", "bad")
            .hardlink("app/bad2", "app/bad")
            .build();

    @Test
    void reportsEveryMismatchInTheNewestLayers() throws IOException {
        AllBinariesReport report = new AllBinariesScan().scan(REF, ARM64, TarLayers.sources(base, app), 1);

        assertThat(report.status()).isEqualTo(BinaryCheckStatus.MISMATCH);
        assertThat(report.layersScanned()).isEqualTo(1);
        assertThat(report.elfFiles()).isEqualTo(4);
        assertThat(report.mismatches()).extracting(ElfFinding::path).containsExactly("/app/bad", "/app/lib/libfoo.so");
        assertThat(report.mismatches().get(0).message()).isEqualTo("linux/arm64 image " + REF
                + ": /app/bad is an x86-64 ELF executable; arm64 hosts would fail with 'exec format error'");
        assertThat(report.mismatches().get(1).detected()).isEqualTo("an x86-64 ELF shared object (PIE)");
        assertThat(report.message()).isEqualTo("linux/arm64 image " + REF + ": 2 of 4 ELF files in the newest layer"
                + " are built for another platform: /app/bad, /app/lib/libfoo.so");
        assertThat(base.opens()).isZero();
    }

    @Test
    void scanningMoreLayersFindsMore() throws IOException {
        AllBinariesReport report = new AllBinariesScan().scan(REF, ARM64, TarLayers.sources(base, app), AllBinariesScan.ALL_LAYERS);

        assertThat(report.layersScanned()).isEqualTo(2);
        assertThat(report.mismatches()).extracting(ElfFinding::path)
                .containsExactly("/app/bad", "/app/lib/libfoo.so", "/usr/bin/x86tool");
        assertThat(report.bytesRead()).isEqualTo(base.size() + app.size());
    }

    @Test
    void deletedAndReplacedFilesAreNotReported() throws IOException {
        TarLayer old = TarLayer.builder()
                .file("usr/bin/deleted", ElfFixtures.x86_64())
                .file("usr/bin/replaced", ElfFixtures.x86_64())
                .file("opt/tool/bin/x", ElfFixtures.x86_64())
                .file("srv/x", ElfFixtures.x86_64())
                .file("usr/lib/x", ElfFixtures.x86_64())
                .build();
        TarLayer fixes = TarLayer.builder()
                .whiteout("usr/bin/deleted")
                .file("usr/bin/replaced", ElfFixtures.aarch64())
                .whiteout("opt/tool")
                .dir("srv").opaque("srv")
                .symlink("usr/lib", "/usr/lib64")
                .build();

        AllBinariesReport report = new AllBinariesScan().scan(REF, ARM64, TarLayers.sources(old, fixes), 2);

        assertThat(report.status()).isEqualTo(BinaryCheckStatus.PASS);
        assertThat(report.elfFiles()).isEqualTo(1);
        assertThat(report.message()).isEqualTo("linux/arm64 image " + REF + ": 1 ELF file in the newest 2 layers"
                + " fits the platform");
    }

    @Test
    void budgetStopGivesAPartialReport() throws IOException {
        GeneratedLayer big = GeneratedLayer.builder().file("early", ElfFixtures.x86_64()).zeroFile("blob", 4 << 20).build();

        AllBinariesReport report = new AllBinariesScan(1 << 20).scan(REF, ARM64, List.of(big), 1);

        assertThat(report.budgetExceeded()).isTrue();
        assertThat(report.layersScanned()).isZero();
        assertThat(report.mismatches()).extracting(ElfFinding::path).containsExactly("/early");
        assertThat(report.status()).isEqualTo(BinaryCheckStatus.MISMATCH);
        assertThat(report.message()).endsWith("(scan stopped at the byte budget of 1.0 MiB; raise it to scan further)");
    }

    @Test
    void budgetStopWithoutFindingsIsNotChecked() throws IOException {
        GeneratedLayer big = GeneratedLayer.builder().zeroFile("blob", 4 << 20).build();

        AllBinariesReport report = new AllBinariesScan(1 << 20).scan(REF, ARM64, List.of(big), 1);

        assertThat(report.status()).isEqualTo(BinaryCheckStatus.NOT_CHECKED);
        assertThat(report.bytesRead()).isGreaterThan(1 << 20).isLessThan(5 << 20);
    }
}
