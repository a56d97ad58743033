package io.jenkins.plugins.multiarch.engine.verify.binary;

import io.jenkins.plugins.multiarch.testkit.TarLayer;
import java.util.Arrays;
import java.util.List;

/**
 * The testkit's in-memory {@link TarLayer}s as the engine's {@link LayerSource}s (the testkit knows no engine types).
 * Opening the source opens the layer, so {@link TarLayer#opens()} still counts what the checks read.
 */
final class TarLayers {

    private TarLayers() {
    }

    static LayerSource source(TarLayer layer) {
        return LayerSource.of(layer.digest(), layer.mediaType(), layer.size(), layer::open);
    }

    static List<LayerSource> sources(TarLayer... layers) {
        return Arrays.stream(layers).map(TarLayers::source).toList();
    }
}
