package io.jenkins.plugins.multiarch.engine.verify;

import io.jenkins.plugins.multiarch.engine.image.ResolvedImage;
import io.jenkins.plugins.multiarch.engine.oci.Descriptor;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import io.jenkins.plugins.multiarch.engine.verify.binary.LayerSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The layers of one resolved image as {@link LayerSource}s streamed from its registry, remembering which blobs were
 * opened. One instance per check of one image.
 *
 * <p>Closing a blob stream early costs nothing extra: the JDK's HttpClient answers {@code close()} on an unfinished
 * body by cancelling the exchange and dropping the connection, not by reading the rest (a GiB blob closed after 1 MiB
 * leaves only what was already in the socket buffers, a few MiB, transferred; see BlobStreamCloseTest).
 */
final class RegistryLayers {

    private final List<LayerSource> sources = new ArrayList<>();
    private final Set<String> opened = ConcurrentHashMap.newKeySet();

    RegistryLayers(ResolvedImage image, RegistryClient client) {
        String repository = image.source().repository();
        for (Descriptor layer : image.image().layers()) {
            String digest = layer.digest().toString();
            sources.add(LayerSource.of(digest, layer.mediaType(), layer.size(), () -> {
                opened.add(digest);
                return client.openBlob(repository, layer.digest());
            }));
        }
    }

    /** Bottom first, as in the manifest. */
    List<LayerSource> sources() {
        return sources;
    }

    /** {@code 1 of 5}: how many distinct layer blobs were opened at all; the others were never requested. */
    String openedText() {
        return opened.size() + " of " + sources.size();
    }
}
