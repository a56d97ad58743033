package io.jenkins.plugins.multiarch.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.multiarch.engine.image.InspectResult;
import io.jenkins.plugins.multiarch.engine.oci.MediaTypes;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.util.Sizes;
import java.util.List;
import java.util.TreeMap;

/** What {@code multiarch inspect} prints: the index or image and a table of its platforms, or one JSON object. */
public final class InspectOutput {

    private InspectOutput() {
    }

    public static String text(InspectResult result) {
        List<InspectResult.Entry> platforms = result.platforms();
        StringBuilder sb = new StringBuilder();
        sb.append(result.reference()).append('\n');
        sb.append("  ").append(MediaTypes.describe(result.mediaType())).append(' ').append(result.digest()).append(", ")
                .append(platforms.size()).append(platforms.size() == 1 ? " platform" : " platforms").append('\n');
        new TreeMap<>(result.annotations()).forEach((k, v) -> sb.append("  ").append(k).append('=').append(v)
                .append('\n'));
        int width = Math.max("PLATFORM".length(),
                platforms.stream().mapToInt(e -> label(e.platform()).length()).max().orElse(0));
        sb.append(String.format("  %-" + width + "s  %-71s  %10s  %s%n", "PLATFORM", "DIGEST", "SIZE", "TYPE"));
        for (InspectResult.Entry e : platforms) {
            sb.append(String.format("  %-" + width + "s  %-71s  %10s  %s%n", label(e.platform()), e.digest(),
                    Sizes.human(e.imageSize()), MediaTypes.describe(e.mediaType())));
        }
        return sb.toString();
    }

    /** {@code windows/amd64 (os.version 10.0.17763.5458)}; null for an index entry without a platform. */
    private static String label(Platform platform) {
        return platform == null ? "null" : platform.describe();
    }

    public static String json(InspectResult result) {
        ObjectNode root = Json.object();
        root.put("reference", result.reference().toString());
        root.put("digest", result.digest().toString());
        root.put("mediaType", result.mediaType());
        root.put("size", result.size());
        ObjectNode notes = root.putObject("annotations");
        new TreeMap<>(result.annotations()).forEach(notes::put);
        ArrayNode list = root.putArray("platforms");
        for (InspectResult.Entry e : result.platforms()) {
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
        return Json.write(root);
    }
}
