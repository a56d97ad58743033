package io.jenkins.plugins.multiarch.engine.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.multiarch.engine.oci.MediaTypes;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.util.Sizes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a reference points at: an index with its platforms, or a single image with the platform its config says.
 *
 * @param digest    the digest of what the reference names (the index, or the single manifest)
 * @param mediaType its media type
 */
public record InspectResult(ImageReference reference, Digest digest, String mediaType, long size,
                            List<Entry> platforms, Map<String, String> annotations) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One platform's image.
     *
     * @param manifestSize the manifest's size
     * @param imageSize    config plus layers, compressed; -1 where unknown
     */
    public record Entry(Platform platform, Digest digest, String mediaType, long manifestSize, long imageSize) {
    }

    public InspectResult {
        platforms = List.copyOf(platforms);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    public boolean isIndex() {
        return MediaTypes.isIndex(mediaType);
    }

    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(reference).append('\n');
        sb.append("  ").append(MediaTypes.describe(mediaType)).append(' ').append(digest).append(", ")
                .append(platforms.size()).append(platforms.size() == 1 ? " platform" : " platforms").append('\n');
        new TreeMap<>(annotations).forEach((k, v) -> sb.append("  ").append(k).append('=').append(v).append('\n'));
        int width = Math.max("PLATFORM".length(),
                platforms.stream().mapToInt(e -> label(e.platform()).length()).max().orElse(0));
        sb.append(String.format("  %-" + width + "s  %-71s  %10s  %s%n", "PLATFORM", "DIGEST", "SIZE", "TYPE"));
        for (Entry e : platforms) {
            sb.append(String.format("  %-" + width + "s  %-71s  %10s  %s%n", label(e.platform()), e.digest(),
                    Sizes.human(e.imageSize()), MediaTypes.describe(e.mediaType())));
        }
        return sb.toString();
    }

    /** {@code windows/amd64 (os.version 10.0.17763.5458)}; null for an index entry without a platform. */
    private static String label(Platform platform) {
        return platform == null ? "null" : platform.describe();
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("reference", reference.toString());
        root.put("digest", digest.toString());
        root.put("mediaType", mediaType);
        root.put("size", size);
        ObjectNode notes = root.putObject("annotations");
        new TreeMap<>(annotations).forEach(notes::put);
        ArrayNode list = root.putArray("platforms");
        for (Entry e : platforms) {
            ObjectNode node = list.addObject();
            node.put("platform", String.valueOf(e.platform()));
            if (e.platform() != null && e.platform().osVersion() != null) {
                node.put("osVersion", e.platform().osVersion());
            }
            node.put("digest", e.digest().toString());
            node.put("mediaType", e.mediaType());
            node.put("manifestSize", e.manifestSize());
            node.put("imageSize", e.imageSize());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
