package io.jenkins.plugins.multiarch.cli;

import io.jenkins.plugins.multiarch.engine.util.Sizes;
import io.jenkins.plugins.multiarch.engine.verify.BinaryImageCheck;
import io.jenkins.plugins.multiarch.engine.verify.ImageCheck;
import io.jenkins.plugins.multiarch.engine.verify.binary.AllBinariesScan;
import io.jenkins.plugins.multiarch.engine.verify.binary.ByteBudget;
import java.util.ArrayList;
import java.util.List;
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
     * @throws IllegalArgumentException if the binary check is turned off and configured at once, or a setting is bad
     */
    List<ImageCheck> publishChecks(boolean noBinaryCheck) {
        if (noBinaryCheck && given()) {
            throw new IllegalArgumentException("--no-binary-check turns the binary check off; drop it, or drop"
                    + " --binary-budget, --all-binaries and --all-binaries-layers");
        }
        List<ImageCheck> checks = new ArrayList<>(List.of(ImageCheck.configPlatform()));
        if (!noBinaryCheck) {
            checks.add(check());
        }
        return checks;
    }

    /** Whether any of these options was given. */
    boolean given() {
        return budget != null || allBinaries || allBinariesLayers != null;
    }

    BinaryImageCheck check() {
        long byteBudget = budget == null ? ByteBudget.DEFAULT_LIMIT : Sizes.parse(budget, "--binary-budget");
        int layers = BinaryImageCheck.PROGRAM_ONLY;
        if (allBinariesLayers != null) {
            if (allBinariesLayers < 1) {
                throw new IllegalArgumentException("invalid --all-binaries-layers " + allBinariesLayers
                        + ": give how many of the newest layers to scan, at least 1 (or --all-binaries for every layer)");
            }
            layers = allBinariesLayers;
        } else if (allBinaries) {
            layers = AllBinariesScan.ALL_LAYERS;
        }
        return new BinaryImageCheck(byteBudget, layers);
    }
}
