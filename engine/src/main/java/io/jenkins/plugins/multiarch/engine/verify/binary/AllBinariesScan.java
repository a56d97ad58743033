package io.jenkins.plugins.multiarch.engine.verify.binary;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The wider check ({@code --all-binaries}): every ELF executable and shared object in the newest N layers must fit the
 * expected platform, not just the entrypoint. Files deleted or replaced by newer layers are skipped. Relocatable
 * objects, core dumps and malformed ELF files are counted but not judged: nothing executes them directly.
 *
 * <p>Reads the N layers completely (bounded by the byte budget) and keeps the path names seen in them to honour
 * whiteouts; file contents are never kept beyond the first {@value ElfIdentity#HEADER_BYTES} bytes.
 */
public final class AllBinariesScan {

    /** Pass as {@code newestLayers} to scan the whole image. */
    public static final int ALL_LAYERS = Integer.MAX_VALUE;

    private final long byteBudget;

    /** With the default budget of {@link ByteBudget#DEFAULT_LIMIT} compressed bytes per image. */
    public AllBinariesScan() {
        this(ByteBudget.DEFAULT_LIMIT);
    }

    public AllBinariesScan(long byteBudget) {
        if (byteBudget <= 0) {
            throw new IllegalArgumentException("The byte budget must be positive, got " + byteBudget);
        }
        this.byteBudget = byteBudget;
    }

    /**
     * @param newestLayers how many layers, counted from the newest, to scan; base-image layers are usually left out
     * @throws IOException when a layer blob cannot be read; a budget stop is reported, not thrown
     */
    public AllBinariesReport scan(String imageRef, ExpectedPlatform expected, List<LayerSource> layers, int newestLayers)
            throws IOException {
        if (newestLayers <= 0) {
            throw new IllegalArgumentException("newestLayers must be at least 1, got " + newestLayers);
        }
        String prefix = expected + " image " + imageRef + ": ";
        if (!expected.checkable()) {
            return new AllBinariesReport(0, 0, List.of(), false, 0,
                    prefix + "binaries not checked: only linux platforms with a known architecture are checked");
        }
        ByteBudget budget = new ByteBudget(byteBudget);
        ShadowedPaths shadowed = new ShadowedPaths();
        Tally tally = new Tally();
        int layersScanned = 0;
        boolean budgetExceeded = false;
        int bottom = Math.max(0, layers.size() - newestLayers);
        try {
            for (int layer = layers.size() - 1; layer >= bottom; layer--) {
                scanLayer(layers.get(layer), LayerArchive.label(layer, layers.size(), layers.get(layer)), budget,
                        shadowed, expected, prefix, tally);
                shadowed.finishLayer();
                layersScanned++;
            }
        } catch (ByteBudgetExceededException e) {
            budgetExceeded = true;
        }
        return new AllBinariesReport(layersScanned, tally.elfFiles, tally.mismatches, budgetExceeded, budget.used(),
                summary(prefix, layersScanned, tally, budgetExceeded, budget));
    }

    private static void scanLayer(LayerSource source, String label, ByteBudget budget, ShadowedPaths shadowed,
            ExpectedPlatform expected, String prefix, Tally tally) throws IOException {
        try (TarArchiveInputStream tar = LayerArchive.open(source, budget)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String name = ImagePath.normalize(entry.getName());
                String fileName = ImagePath.name(name);
                if (name.equals(ImagePath.ROOT)) {
                    continue;
                }
                if (fileName.equals(".wh..wh..opq")) {
                    shadowed.opaqueDirectory(ImagePath.parent(name));
                    continue;
                }
                if (fileName.startsWith(".wh.")) {
                    shadowed.whiteout(ImagePath.resolve(ImagePath.parent(name), fileName.substring(".wh.".length())));
                    continue;
                }
                boolean visible = !shadowed.hides(name);
                shadowed.entry(name, entry.isDirectory());
                if (visible && LayerArchive.isRegularFile(entry)) {
                    inspect(name, tar.readNBytes(ElfIdentity.HEADER_BYTES), source, expected, prefix, tally);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw LayerReadFailure.of(e, budget, label, source);
        }
    }

    private static void inspect(String path, byte[] head, LayerSource source, ExpectedPlatform expected, String prefix,
            Tally tally) {
        ElfIdentity identity = ElfIdentity.of(head);
        if (identity instanceof ElfIdentity.NotElf) {
            return;
        }
        tally.elfFiles++;
        if (!(identity instanceof ElfIdentity.Elf)) {
            return;
        }
        ElfHeader header = ((ElfIdentity.Elf) identity).header();
        if (!header.type().runnable()) {
            return;
        }
        PlatformMatch match = PlatformMatch.of(expected, header);
        if (!match.matches()) {
            String description = header.description();
            tally.mismatches.add(new ElfFinding(path, source.digest(), description,
                    prefix + path + " is " + description + "; " + match.consequence()));
        }
    }

    private static String summary(String prefix, int layersScanned, Tally tally, boolean budgetExceeded,
            ByteBudget budget) {
        String scope = " in the newest " + (layersScanned == 1 ? "layer" : layersScanned + " layers");
        String partial = budgetExceeded ? " (scan stopped at the byte budget of " + ByteBudget.format(budget.limit())
                + "; raise it to scan further)" : "";
        if (!tally.mismatches.isEmpty()) {
            List<String> paths = new ArrayList<>();
            for (ElfFinding finding : tally.mismatches) {
                paths.add(finding.path());
            }
            String shown = paths.size() > 5 ? String.join(", ", paths.subList(0, 5)) + ", …" : String.join(", ", paths);
            return prefix + tally.mismatches.size() + " of " + elfFiles(tally.elfFiles) + scope
                    + (tally.mismatches.size() == 1 ? " is" : " are") + " built for another platform: " + shown + partial;
        }
        if (budgetExceeded) {
            return prefix + "binaries not checked: no mismatch among " + elfFiles(tally.elfFiles) + scope + partial;
        }
        return prefix + elfFiles(tally.elfFiles) + scope + (tally.elfFiles == 1 ? " fits" : " fit") + " the platform";
    }

    private static String elfFiles(int count) {
        return count + (count == 1 ? " ELF file" : " ELF files");
    }

    /** Counts while scanning. */
    private static final class Tally {
        private int elfFiles;
        private final List<ElfFinding> mismatches = new ArrayList<>();
    }
}
