package io.jenkins.plugins.multiarch.engine.verify;

import io.jenkins.plugins.multiarch.engine.image.ResolvedImage;
import io.jenkins.plugins.multiarch.engine.oci.Descriptor;
import io.jenkins.plugins.multiarch.engine.registry.BlobPrefetch;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import io.jenkins.plugins.multiarch.engine.verify.binary.LayerSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import io.jenkins.plugins.multiarch.engine.registry.VerifiedBlobStream;
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
    private final List<VerifiedBlobStream> streams = new CopyOnWriteArrayList<>();

    RegistryLayers(ResolvedImage image, RegistryClient client, BlobPrefetch prefetch) {
        String repository = image.source().repository();
        for (Descriptor layer : image.image().layers()) {
            String digest = layer.digest().toString();
            sources.add(LayerSource.of(digest, layer.mediaType(), layer.size(), () -> {
                opened.add(digest);
                VerifiedBlobStream stream = prefetch.open(client, repository, layer.digest(), layer.size());
                streams.add(stream);
                return stream;
            }));
        }
    }

    /** Bottom first, as in the manifest. */
    List<LayerSource> sources() {
        return sources;
    }

    /**
     * How the layers that were opened were read: {@link LayerReads#WHOLE} when each was read to its end (and so
     * matched its digest), {@link LayerReads#PARTIAL} when the check stopped reading one early (those bytes were not
     * checked against the digest), {@link LayerReads#NONE} when no layer was opened.
     */
    LayerReads reads() {
        if (streams.isEmpty()) {
            return LayerReads.NONE;
        }
        // A layer opened several times (several passes) counts as read whole if any pass read it whole.
        Map<String, Boolean> whole = new java.util.HashMap<>();
        for (VerifiedBlobStream stream : streams) {
            whole.merge(stream.digest(), stream.readWhole(), Boolean::logicalOr);
        }
        return whole.containsValue(false) ? LayerReads.PARTIAL : LayerReads.WHOLE;
    }

    /** {@code 1 of 5}: how many distinct layer blobs were opened at all; the others were never requested. */
    String openedText() {
        return opened.size() + " of " + sources.size();
    }
}
