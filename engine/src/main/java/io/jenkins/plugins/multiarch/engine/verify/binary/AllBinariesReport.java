package io.jenkins.plugins.multiarch.engine.verify.binary;

import java.util.List;

/**
 * The outcome of an {@link AllBinariesScan}.
 *
 * @param layersScanned  how many of the newest layers were read completely
 * @param elfFiles       visible regular files starting with {@code \x7fELF} in those layers
 * @param mismatches     the programs and libraries among them built for another platform
 * @param budgetExceeded whether reading stopped at the byte budget (then the scan is partial)
 * @param bytesRead      compressed layer bytes read
 * @param message        one line for humans
 */
public record AllBinariesReport(int layersScanned, int elfFiles, List<ElfFinding> mismatches, boolean budgetExceeded,
        long bytesRead, String message) {

    public AllBinariesReport {
        mismatches = List.copyOf(mismatches);
    }

    /** MISMATCH if anything mismatched (even in a partial scan), else NOT_CHECKED if the budget ran out, else PASS. */
    public BinaryCheckStatus status() {
        if (!mismatches.isEmpty()) {
            return BinaryCheckStatus.MISMATCH;
        }
        return budgetExceeded ? BinaryCheckStatus.NOT_CHECKED : BinaryCheckStatus.PASS;
    }
}
