package io.jenkins.plugins.multiarch.engine.verify;

import io.jenkins.plugins.multiarch.engine.verify.binary.AllBinariesReport;
import io.jenkins.plugins.multiarch.engine.verify.binary.BinaryCheckReason;
import io.jenkins.plugins.multiarch.engine.verify.binary.BinaryCheckResult;
import io.jenkins.plugins.multiarch.engine.verify.binary.BinaryCheckStatus;
import io.jenkins.plugins.multiarch.engine.verify.binary.ElfFinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Words what the binary check found for one image: one status, one message, a short summary for tables and the
 * details for build records.
 *
 * <p>The program check and the optional all-binaries scan combine as: any mismatch fails; otherwise a pass of either
 * passes (an image without Entrypoint whose binaries all fit has been checked); otherwise not checked.
 *
 * @param prefix  {@code linux/arm64 image registry/app:1.0: }, which both results' messages start with
 * @param scan    the all-binaries scan, or {@code null} when it was not asked for
 * @param opened  {@code 1 of 3}: layer blobs opened at all
 */
record BinaryFindings(String prefix, BinaryCheckResult program, AllBinariesReport scan, long byteBudget,
        String opened, LayerReads reads) {

    BinaryCheckStatus status() {
        BinaryCheckStatus scanStatus = scan == null ? BinaryCheckStatus.NOT_CHECKED : scan.status();
        if (program.status() == BinaryCheckStatus.MISMATCH || scanStatus == BinaryCheckStatus.MISMATCH) {
            return BinaryCheckStatus.MISMATCH;
        }
        if (program.status() == BinaryCheckStatus.PASS || scanStatus == BinaryCheckStatus.PASS) {
            return BinaryCheckStatus.PASS;
        }
        return BinaryCheckStatus.NOT_CHECKED;
    }

    /** The program's message, then the scan's without repeating the prefix. A failure leads with what failed. */
    String message() {
        if (scan == null) {
            return program.message();
        }
        String programText = withoutPrefix(program.message());
        String scanText = withoutPrefix(scan.message());
        boolean scanFirst = scan.status() == BinaryCheckStatus.MISMATCH && !program.mismatched();
        return prefix + (scanFirst ? scanText + "; " + programText : programText + "; " + scanText);
    }

    /** For a table column: {@code /hello x86-64 ✓}, {@code /hello x86-64 ✗}, {@code not checked: budget}. */
    String summary() {
        String text = programSummary();
        if (scan != null) {
            text += "; " + scanSummary();
        }
        // A pass from a layer read in part rests on bytes not checked against its digest: say so with the verdict.
        return reads == LayerReads.PARTIAL && status() == BinaryCheckStatus.PASS ? text + " (partial read)" : text;
    }

    Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("summary", summary());
        details.put("reason", program.reason().name());
        putIfSet(details, "checkedFile", program.checkedPath());
        if (!program.chain().isEmpty()) {
            details.put("chain", program.chainText());
        }
        putIfSet(details, "detected", program.detected());
        putIfSet(details, "detectedArchitecture", program.detectedArchitecture());
        putIfSet(details, "layerDigest", program.layerDigest());
        long bytesRead = program.bytesRead() + (scan == null ? 0 : scan.bytesRead());
        details.put("bytesRead", Long.toString(bytesRead));
        details.put("byteBudget", Long.toString(byteBudget));
        details.put("layersOpened", opened);
        details.put(CheckResult.LAYER_READS, reads.name().toLowerCase(java.util.Locale.ROOT));
        if (scan != null) {
            details.put("allBinaries.status", scan.status().name());
            details.put("allBinaries.layersScanned", Integer.toString(scan.layersScanned()));
            details.put("allBinaries.elfFiles", Integer.toString(scan.elfFiles()));
            details.put("allBinaries.bytesRead", Long.toString(scan.bytesRead()));
            details.put("allBinaries.budgetExceeded", Boolean.toString(scan.budgetExceeded()));
            List<String> mismatches = new ArrayList<>();
            for (ElfFinding finding : scan.mismatches()) {
                mismatches.add(finding.path() + " is " + finding.detected() + " (layer " + finding.layerDigest() + ")");
            }
            if (!mismatches.isEmpty()) {
                details.put("allBinaries.mismatches", String.join("\n", mismatches));
            }
        }
        return details;
    }

    private String programSummary() {
        BinaryCheckReason reason = program.reason();
        return switch (reason) {
            case MATCHES -> program.checkedPath() + " " + program.detectedArchitecture() + " ✓";
            case WRONG_ARCHITECTURE -> program.checkedPath() + " " + program.detectedArchitecture() + " ✗";
            case INVALID_ELF -> program.checkedPath() + " invalid ELF ✗";
            case NO_PROGRAM -> "not checked: no entrypoint";
            case FILE_NOT_FOUND -> "not checked: program not found";
            case NOT_ELF -> "not checked: not ELF";
            case BUDGET_EXCEEDED -> "not checked: budget";
            case SCRIPT_TOO_DEEP -> "not checked: #! nested too deep";
            case UNSUPPORTED_PLATFORM -> "not checked: platform";
        };
    }

    private String scanSummary() {
        return switch (scan.status()) {
            case PASS -> scan.elfFiles() + " ELF " + (scan.elfFiles() == 1 ? "file" : "files") + " ✓";
            case MISMATCH -> scan.mismatches().size() + " of " + scan.elfFiles() + " ELF "
                    + (scan.elfFiles() == 1 ? "file" : "files") + " ✗";
            case NOT_CHECKED -> "ELF scan stopped: budget";
        };
    }

    private String withoutPrefix(String message) {
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static void putIfSet(Map<String, String> details, String key, String value) {
        if (value != null) {
            details.put(key, value);
        }
    }
}
