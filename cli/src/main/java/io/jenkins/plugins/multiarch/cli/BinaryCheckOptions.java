package io.jenkins.plugins.multiarch.cli;

import io.jenkins.plugins.multiarch.engine.verify.CheckPolicy;
import picocli.CommandLine.Option;

/** The binary check's settings, shared by publish and verify. */
final class BinaryCheckOptions {

    @Option(names = "--binary-budget", paramLabel = "SIZE",
            description = "Most compressed layer bytes the binary check reads per image (default 512MiB), e.g. 64M, 1G."
                    + " An image whose program is not found within it is reported 'not checked', not failed.")
    String budget;

    @Option(names = "--all-binaries",
            description = "Also check every ELF program and library in the image's layers, not just the program it starts.")
    boolean allBinaries;

    @Option(names = "--all-binaries-layers", paramLabel = "N",
            description = "Like --all-binaries, but scan only the newest N layers (e.g. to leave base-image layers out).")
    Integer allBinariesLayers;

    /**
     * What a publish checks: each image's config platform, and unless {@code noBinaryCheck}, the program it starts
     * with these settings.
     *
     * @throws UsageException if the binary check is turned off and configured at once, or a setting is bad
     */
    CheckPolicy publishPolicy(boolean noBinaryCheck) {
        if (noBinaryCheck && given()) {
            throw new UsageException("--no-binary-check turns the binary check off; drop it, or drop"
                    + " --binary-budget, --all-binaries and --all-binaries-layers");
        }
        return noBinaryCheck ? CheckPolicy.configOnly() : policy();
    }

    /** Whether any of these options was given. */
    boolean given() {
        return budget != null || allBinaries || allBinariesLayers != null;
    }

    /** The config check and the binary check with these settings. */
    CheckPolicy policy() {
        if (allBinaries && allBinariesLayers != null) {
            throw new UsageException("--all-binaries scans every layer and --all-binaries-layers only the newest "
                    + allBinariesLayers + ": give one of them");
        }
        CheckPolicy policy = CheckPolicy.standard();
        if (budget != null) {
            policy = policy.withByteBudget(budget, "--binary-budget");
        }
        if (allBinariesLayers != null) {
            if (allBinariesLayers < 1) {
                throw new UsageException("invalid --all-binaries-layers " + allBinariesLayers
                        + ": give how many of the newest layers to scan, at least 1 (or --all-binaries for every layer)");
            }
            policy = policy.withAllBinariesInNewest(allBinariesLayers);
        } else if (allBinaries) {
            policy = policy.withAllBinaries();
        }
        return policy;
    }
}
