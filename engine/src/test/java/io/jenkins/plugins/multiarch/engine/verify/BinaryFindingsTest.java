package io.jenkins.plugins.multiarch.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.multiarch.engine.verify.binary.AllBinariesReport;
import io.jenkins.plugins.multiarch.engine.verify.binary.BinaryCheckReason;
import io.jenkins.plugins.multiarch.engine.verify.binary.BinaryCheckResult;
import io.jenkins.plugins.multiarch.engine.verify.binary.BinaryCheckStatus;
import io.jenkins.plugins.multiarch.engine.verify.binary.ElfFinding;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the program check and the all-binaries scan combine into one result. */
class BinaryFindingsTest {

    private static final String PREFIX = "linux/arm64 image r/app:1: ";

    private static final BinaryCheckResult PASS = new BinaryCheckResult(BinaryCheckReason.MATCHES, "/hello",
            List.of("/hello"), "an AArch64 ELF executable", "sha256:top", 100, PREFIX + "/hello is an AArch64 ELF"
            + " executable, as expected");
    private static final BinaryCheckResult MISMATCH = new BinaryCheckResult(BinaryCheckReason.WRONG_ARCHITECTURE,
            "/hello", List.of("/hello"), "an x86-64 ELF executable", "sha256:top", 100, PREFIX + "/hello is an x86-64"
            + " ELF executable; arm64 hosts would fail with 'exec format error'");
    private static final BinaryCheckResult NO_PROGRAM = new BinaryCheckResult(BinaryCheckReason.NO_PROGRAM, null,
            List.of(), null, null, 0, PREFIX + "binary not checked: the image config sets neither Entrypoint nor Cmd");

    private static final AllBinariesReport SCAN_PASS = new AllBinariesReport(2, 3, List.of(), false, 500,
            PREFIX + "3 ELF files in the newest 2 layers fit the platform");
    private static final AllBinariesReport SCAN_MISMATCH = new AllBinariesReport(2, 3, List.of(
            new ElfFinding("/lib/a.so", "sha256:l1", "an x86-64 ELF shared object", PREFIX + "/lib/a.so is ..."),
            new ElfFinding("/bin/b", "sha256:l2", "an x86-64 ELF executable", PREFIX + "/bin/b is ...")), false, 500,
            PREFIX + "2 of 3 ELF files in the newest 2 layers are built for another platform: /lib/a.so, /bin/b");
    private static final AllBinariesReport SCAN_BUDGET = new AllBinariesReport(1, 1, List.of(), true, 900,
            PREFIX + "binaries not checked: no mismatch among 1 ELF file in the newest layer (scan stopped at the byte"
                    + " budget of 1.0 KiB; raise it to scan further)");

    @ParameterizedTest(name = "program {0}, scan {1} -> {2}")
    @CsvSource({
            "PASS,       ,              PASS",
            "MISMATCH,   ,              MISMATCH",
            "NO_PROGRAM, ,              NOT_CHECKED",
            "PASS,       SCAN_PASS,     PASS",
            "PASS,       SCAN_MISMATCH, MISMATCH",
            "MISMATCH,   SCAN_PASS,     MISMATCH",
            "NO_PROGRAM, SCAN_PASS,     PASS",
            "NO_PROGRAM, SCAN_BUDGET,   NOT_CHECKED",
            "PASS,       SCAN_BUDGET,   PASS",
            "NO_PROGRAM, SCAN_MISMATCH, MISMATCH",
    })
    void anyMismatchFailsAndAnyPassPasses(String program, String scan, BinaryCheckStatus expected) {
        assertThat(findings(program(program), scan(scan)).status()).isEqualTo(expected);
    }

    @Test
    void aFailingScanLeadsTheMessageAndListsEveryMismatchInTheDetails() {
        BinaryFindings findings = findings(PASS, SCAN_MISMATCH);

        assertThat(findings.message()).isEqualTo(PREFIX + "2 of 3 ELF files in the newest 2 layers are built for"
                + " another platform: /lib/a.so, /bin/b; /hello is an AArch64 ELF executable, as expected");
        assertThat(findings.details()).containsEntry("allBinaries.mismatches",
                "/lib/a.so is an x86-64 ELF shared object (layer sha256:l1)\n/bin/b is an x86-64 ELF executable"
                        + " (layer sha256:l2)")
                .containsEntry("bytesRead", "600")
                .containsEntry("summary", "/hello AArch64 ✓; 2 of 3 ELF files ✗");
    }

    @Test
    void withoutAScanTheMessageIsTheProgramChecks() {
        BinaryFindings findings = findings(MISMATCH, null);

        assertThat(findings.message()).isEqualTo(MISMATCH.message());
        assertThat(findings.details()).containsEntry("summary", "/hello x86-64 ✗")
                .containsEntry("detected", "an x86-64 ELF executable")
                .containsEntry("detectedArchitecture", "x86-64")
                .containsEntry("layerDigest", "sha256:top")
                .containsEntry("layersOpened", "1 of 2")
                .doesNotContainKey("allBinaries.status");
    }

    @Test
    void notCheckedResultsSayWhyInAFewWords() {
        assertThat(findings(NO_PROGRAM, null).summary()).isEqualTo("not checked: no entrypoint");
        assertThat(findings(NO_PROGRAM, SCAN_BUDGET).summary())
                .isEqualTo("not checked: no entrypoint; ELF scan stopped: budget");
        assertThat(findings(NO_PROGRAM, null).details()).doesNotContainKeys("checkedFile", "chain", "detected");
    }

    private static BinaryFindings findings(BinaryCheckResult program, AllBinariesReport scan) {
        return new BinaryFindings(PREFIX, program, scan, 1024, "1 of 2", LayerReads.WHOLE);
    }

    private static BinaryCheckResult program(String name) {
        return switch (name) {
            case "PASS" -> PASS;
            case "MISMATCH" -> MISMATCH;
            default -> NO_PROGRAM;
        };
    }

    private static AllBinariesReport scan(String name) {
        if (name == null) {
            return null;
        }
        return switch (name) {
            case "SCAN_PASS" -> SCAN_PASS;
            case "SCAN_MISMATCH" -> SCAN_MISMATCH;
            default -> SCAN_BUDGET;
        };
    }
}
