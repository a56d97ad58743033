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
        long attestations = platforms.stream().filter(e -> e.attestationOf().isPresent()).count();
        long images = platforms.size() - attestations;
        StringBuilder sb = new StringBuilder();
        sb.append(result.reference()).append('\n');
        sb.append("  ").append(MediaTypes.describe(result.mediaType())).append(' ').append(result.digest()).append(", ")
                .append(images).append(images == 1 ? " platform" : " platforms")
                .append(attestations == 0 ? "" : ", " + attestations + (attestations == 1 ? " attestation" : " attestations"))
                .append('\n');
        new TreeMap<>(result.annotations()).forEach((k, v) -> sb.append("  ").append(k).append('=').append(v)
                .append('\n'));
        int width = Math.max("PLATFORM".length(),
                platforms.stream().mapToInt(e -> label(e, platforms).length()).max().orElse(0));
        sb.append(String.format("  %-" + width + "s  %-71s  %10s  %s%n", "PLATFORM", "DIGEST", "SIZE", "TYPE"));
        for (InspectResult.Entry e : platforms) {
            sb.append(String.format("  %-" + width + "s  %-71s  %10s  %s%n", label(e, platforms), e.digest(),
                    Sizes.human(e.imageSize()), e.attestationOf().isPresent() ? "attestation (" 
                            + MediaTypes.describe(e.mediaType()) + ")" : MediaTypes.describe(e.mediaType())));
        }
        for (InspectResult.Entry e : platforms) {
            e.referrers().forEach(r -> sb.append("  referrer of ").append(label(e, platforms)).append(": ").append(r)
                    .append('\n'));
        }
        return sb.toString();
    }

    /** The platform; for an attestation, {@code attestation of linux/arm64} (its image's platform). */
    private static String label(InspectResult.Entry e, List<InspectResult.Entry> all) {
        if (e.attestationOf().isEmpty()) {
            return label(e.platform());
        }
        String subject = e.attestationOf().get();
        return "attestation of " + all.stream().filter(o -> o.digest().toString().equals(subject)).findFirst()
                .map(o -> label(o.platform())).orElse(subject);
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
            e.attestationOf().ifPresent(subject -> node.put("attestationOf", subject));
            ArrayNode referrers = node.putArray("referrers");
            e.referrers().forEach(r -> {
                ObjectNode referrer = referrers.addObject();
                referrer.put("digest", r.digest().toString());
                referrer.put("mediaType", r.mediaType());
                referrer.put("artifactType", r.artifactType());
            });
        }
        return Json.write(root);
    }
}
