package io.jenkins.plugins.multiarch.engine.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.multiarch.engine.oci.MediaTypes;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.util.Sizes;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a publish: the index, the tags it went under (or would, in a dry run), and each platform.
 *
 * @param repository    the target repository, {@code registry/repository}
 * @param tagsWritten   tags now pointing at the index that did not before
 * @param tagsUnchanged tags that already pointed at this very index, so nothing was written
 * @param requests      registry requests sent, by method and kind
 */
public record PublishResult(String repository, Digest indexDigest, String mediaType, long indexSize,
                            List<String> tagsWritten, List<String> tagsUnchanged, List<PlatformResult> platforms,
                            boolean dryRun, Map<String, Long> requests) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public PublishResult {
        tagsWritten = List.copyOf(tagsWritten);
        tagsUnchanged = List.copyOf(tagsUnchanged);
        platforms = List.copyOf(platforms);
        requests = Map.copyOf(requests);
    }

    /** The index by digest, e.g. {@code registry/app@sha256:...}: what to deploy for an exact image. */
    public String pinnedReference() {
        return repository + "@" + indexDigest;
    }

    public String toText() {
        StringBuilder sb = new StringBuilder();
        String kind = MediaTypes.DOCKER_MANIFEST_LIST.equals(mediaType) ? "Docker manifest list" : "OCI image index";
        sb.append(dryRun ? "Dry run: would publish " : "Published ").append(pinnedReference())
                .append(" (").append(kind).append(", ").append(platforms.size())
                .append(platforms.size() == 1 ? " platform)\n" : " platforms)\n");
        if (dryRun) {
            sb.append("  tags (not written): ").append(String.join(", ", tagsWritten)).append('\n');
        } else {
            sb.append("  tags written:   ").append(tagsWritten.isEmpty() ? "-" : String.join(", ", tagsWritten)).append('\n');
            if (!tagsUnchanged.isEmpty()) {
                sb.append("  tags unchanged: ").append(String.join(", ", tagsUnchanged))
                        .append(" (already this index)\n");
            }
        }
        int width = platforms.stream().mapToInt(p -> p.platform().describe().length()).max().orElse(8);
        width = Math.max(width, "PLATFORM".length());
        int sourceWidth = Math.max("SOURCE".length(),
                platforms.stream().mapToInt(p -> p.source().toString().length()).max().orElse(0));
        String row = "  %-" + width + "s  %-71s  %10s  %-" + sourceWidth + "s  %s%n";
        sb.append(String.format(row, "PLATFORM", "DIGEST", "SIZE", "SOURCE", "CHECK"));
        for (PlatformResult p : platforms) {
            sb.append(String.format(row, p.platform().describe(), p.digest(), Sizes.human(p.imageSize()), p.source(),
                    p.checkSummary()));
        }
        return sb.toString();
    }

    public ObjectNode toJsonNode() {
        ObjectNode root = JSON.createObjectNode();
        root.put("repository", repository);
        root.put("digest", indexDigest.toString());
        root.put("reference", pinnedReference());
        root.put("mediaType", mediaType);
        root.put("size", indexSize);
        root.put("dryRun", dryRun);
        tags(root.putArray("tagsWritten"), tagsWritten);
        tags(root.putArray("tagsUnchanged"), tagsUnchanged);
        ArrayNode list = root.putArray("platforms");
        for (PlatformResult p : platforms) {
            ObjectNode node = list.addObject();
            node.put("platform", p.platform().toString());
            if (p.platform().osVersion() != null) {
                node.put("osVersion", p.platform().osVersion());
            }
            node.put("source", p.source().toString());
            node.put("digest", p.digest().toString());
            node.put("mediaType", p.mediaType());
            node.put("manifestSize", p.manifestSize());
            node.put("imageSize", p.imageSize());
            ArrayNode checks = node.putArray("checks");
            p.checks().forEach(check -> check.writeTo(checks.addObject()));
        }
        ObjectNode counts = root.putObject("requests");
        new java.util.TreeMap<>(requests).forEach(counts::put);
        return root;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(toJsonNode());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void tags(ArrayNode array, List<String> tags) {
        tags.forEach(array::add);
    }
}
