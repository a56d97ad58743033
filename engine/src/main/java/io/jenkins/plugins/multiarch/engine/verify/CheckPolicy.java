package io.jenkins.plugins.multiarch.engine.verify;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.engine.util.Sizes;
import io.jenkins.plugins.multiarch.engine.verify.binary.AllBinariesScan;
import io.jenkins.plugins.multiarch.engine.verify.binary.ByteBudget;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What every image must pass before it is published (or to pass {@code verify}): its config's platform, always;
 * and unless turned off, the binary check — the program it starts must be an ELF file for its platform, read from
 * at most {@link #byteBudget()} compressed layer bytes — optionally with every ELF file of the newest layers.
 * Immutable and serializable; the {@code with...} methods return changed copies.
 */
public final class CheckPolicy implements Serializable {

    private static final long serialVersionUID = 1L;

    /** {@link #allBinariesLayers()}: only the program the image starts is checked. */
    public static final int PROGRAM_ONLY = BinaryImageCheck.PROGRAM_ONLY;
    /** {@link #allBinariesLayers()}: every layer is scanned for ELF files. */
    public static final int ALL_LAYERS = AllBinariesScan.ALL_LAYERS;
    public static final long DEFAULT_BYTE_BUDGET = ByteBudget.DEFAULT_LIMIT;

    private final boolean binaryCheck;
    private final long byteBudget;
    private final int allBinariesLayers;

    private CheckPolicy(boolean binaryCheck, long byteBudget, int allBinariesLayers) {
        if (byteBudget <= 0) {
            throw new InvalidInputException("the binary check's byte budget must be more than 0, got " + byteBudget);
        }
        if (allBinariesLayers < 0) {
            throw new InvalidInputException("the number of layers to scan for ELF files must be at least 1, got "
                    + allBinariesLayers);
        }
        this.binaryCheck = binaryCheck;
        this.byteBudget = byteBudget;
        this.allBinariesLayers = allBinariesLayers;
    }

    /** The config check and the binary check of the program, with the default budget (512 MiB). */
    public static CheckPolicy standard() {
        return new CheckPolicy(true, DEFAULT_BYTE_BUDGET, PROGRAM_ONLY);
    }

    /** The config check only: no layer is read. */
    public static CheckPolicy configOnly() {
        return new CheckPolicy(false, DEFAULT_BYTE_BUDGET, PROGRAM_ONLY);
    }

    public CheckPolicy withByteBudget(long bytes) {
        return new CheckPolicy(binaryCheck, bytes, allBinariesLayers);
    }

    /**
     * The budget as people write it ({@code 512MiB}, {@code 64M}, {@code 1G}).
     *
     * @param inputName names the input in the error, e.g. {@code --binary-budget} or {@code binaryBudget}
     */
    public CheckPolicy withByteBudget(String size, String inputName) {
        return withByteBudget(Sizes.parse(size, inputName));
    }

    /** Also check every ELF file in all layers. */
    public CheckPolicy withAllBinaries() {
        return new CheckPolicy(binaryCheck, byteBudget, ALL_LAYERS);
    }

    /** Also check every ELF file in the newest {@code layers} layers (at least 1). */
    public CheckPolicy withAllBinariesInNewest(int layers) {
        if (layers < 1) {
            throw new InvalidInputException("invalid number of layers " + layers + ": give how many of the newest"
                    + " layers to scan, at least 1 (or all binaries for every layer)");
        }
        return new CheckPolicy(binaryCheck, byteBudget, layers);
    }

    /** True when the binary check runs. */
    public boolean binaryCheck() {
        return binaryCheck;
    }

    public long byteBudget() {
        return byteBudget;
    }

    /** {@link #PROGRAM_ONLY}, {@link #ALL_LAYERS} or how many of the newest layers are scanned for ELF files. */
    public int allBinariesLayers() {
        return allBinariesLayers;
    }

    /** The checks, in the order they run. */
    public List<ImageCheck> checks() {
        List<ImageCheck> checks = new ArrayList<>(List.of(ImageCheck.configPlatform()));
        if (binaryCheck) {
            checks.add(new BinaryImageCheck(byteBudget, allBinariesLayers));
        }
        return checks;
    }

    /** The same policy with the binary check on: {@code verify} always runs it. */
    public CheckPolicy withBinaryCheck() {
        return new CheckPolicy(true, byteBudget, allBinariesLayers);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CheckPolicy other && binaryCheck == other.binaryCheck && byteBudget == other.byteBudget
                && allBinariesLayers == other.allBinariesLayers;
    }

    @Override
    public int hashCode() {
        return Objects.hash(binaryCheck, byteBudget, allBinariesLayers);
    }

    @Override
    public String toString() {
        return binaryCheck ? "config and " + new BinaryImageCheck(byteBudget, allBinariesLayers) : "config check only";
    }
}
