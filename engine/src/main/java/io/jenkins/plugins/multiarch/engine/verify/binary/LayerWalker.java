package io.jenkins.plugins.multiarch.engine.verify.binary;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads layers newest first, streaming, to find literal paths. One pass serves several candidate paths at once (a
 * PATH search), so the layers are read once rather than once per PATH entry.
 *
 * <p>Cost: a path in layer N is only known to be visible once every newer layer has been read completely (any of them
 * could delete it), so a lookup reads all layers above the one holding the file, and that layer up to the file's
 * entry. Reading stops as soon as the answer is decided; older layers are then never opened. Memory is constant: at
 * most {@link ImageFile#HEAD_BYTES} of each found file are kept, nothing is written to disk.
 */
final class LayerWalker {

    private final List<LayerSource> layers;
    private final ByteBudget budget;

    LayerWalker(List<LayerSource> layers, ByteBudget budget) {
        this.layers = List.copyOf(layers);
        this.budget = budget;
    }

    int layerCount() {
        return layers.size();
    }

    String digestOf(int layer) {
        return layers.get(layer).digest();
    }

    /**
     * Looks up literal paths in layers {@code topLayer} down to 0. Candidates are in priority order; reading stops
     * once the first candidate that exists (or every candidate) is decided. The outcome list has {@code null} for
     * candidates left undecided because a better one was found first.
     */
    List<PathOutcome> find(List<String> paths, int topLayer) throws IOException {
        List<PathSearch> searches = new ArrayList<>();
        for (String path : paths) {
            searches.add(new PathSearch(path));
        }
        boolean allLayersRead = true;
        for (int layer = topLayer; layer >= 0; layer--) {
            if (decided(searches) || !readLayer(layer, searches)) {
                allLayersRead = false;
                break;
            }
            for (PathSearch search : searches) {
                search.finishLayer();
            }
        }
        List<PathOutcome> outcomes = new ArrayList<>();
        for (PathSearch search : searches) {
            if (allLayersRead) {
                search.notInAnyLayer();
            }
            outcomes.add(search.outcome());
        }
        return outcomes;
    }

    /** Reads one layer; returns {@code false} if it stopped early because the search was decided. */
    private boolean readLayer(int layer, List<PathSearch> searches) throws IOException {
        LayerSource source = layers.get(layer);
        String label = LayerArchive.label(layer, layers.size(), source);
        try (TarArchiveInputStream tar = LayerArchive.open(source, budget)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String name = ImagePath.normalize(entry.getName());
                if (name.equals(ImagePath.ROOT)) {
                    continue;
                }
                for (PathSearch search : searches) {
                    if (!search.decided()) {
                        search.observe(entry, name, layer, label, tar);
                    }
                }
                if (decided(searches)) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            throw LayerReadFailure.of(e, budget, label, source);
        }
    }

    /** Decided once the best candidate that may exist is known, or all candidates are known to be missing. */
    private static boolean decided(List<PathSearch> searches) {
        for (PathSearch search : searches) {
            if (!search.decided()) {
                return false;
            }
            if (search.outcome().decisive()) {
                return true;
            }
        }
        return true;
    }
}
