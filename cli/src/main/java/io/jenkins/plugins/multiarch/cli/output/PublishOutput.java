package io.jenkins.plugins.multiarch.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.multiarch.engine.oci.MediaTypes;
import io.jenkins.plugins.multiarch.engine.publish.PlatformResult;
import io.jenkins.plugins.multiarch.engine.publish.PublishResult;
import io.jenkins.plugins.multiarch.engine.publish.TargetResult;
import io.jenkins.plugins.multiarch.engine.util.Sizes;
import java.util.List;
import java.util.TreeMap;

/** What {@code multiarch publish} prints: a summary and a table per platform, or one JSON object. */
public final class PublishOutput {

    private PublishOutput() {
    }

    public static String text(PublishResult result) {
        StringBuilder sb = new StringBuilder();
        List<PlatformResult> platforms = result.platforms();
        String kind = MediaTypes.DOCKER_MANIFEST_LIST.equals(result.mediaType()) ? "Docker manifest list" : "OCI image index";
        sb.append(result.dryRun() ? "Dry run: would publish " : "Published ").append(result.pinnedReference())
                .append(" (").append(kind).append(", ").append(platforms.size())
                .append(platforms.size() == 1 ? " platform)\n" : " platforms)\n");
        if (result.dryRun()) {
            sb.append("  tags (not written): ").append(String.join(", ", result.tagsWritten())).append('\n');
        } else {
            sb.append("  tags written:   ").append(result.tagsWritten().isEmpty() ? "-"
                    : String.join(", ", result.tagsWritten())).append('\n');
            if (!result.tagsUnchanged().isEmpty()) {
                sb.append("  tags unchanged: ").append(String.join(", ", result.tagsUnchanged()))
                        .append(" (already this index)\n");
            }
        }
        for (TargetResult target : result.alsoTo()) {
            if (result.dryRun()) {
                sb.append("  also to ").append(target.repository()).append(" (not written): ")
                        .append(String.join(", ", target.tagsWritten())).append('\n');
                continue;
            }
            sb.append("  also to ").append(target.repository()).append(":\n");
            sb.append("    tags written:   ").append(target.tagsWritten().isEmpty() ? "-"
                    : String.join(", ", target.tagsWritten())).append('\n');
            if (!target.tagsUnchanged().isEmpty()) {
                sb.append("    tags unchanged: ").append(String.join(", ", target.tagsUnchanged()))
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
        for (PlatformResult p : platforms) {
            p.attestations().forEach(a -> sb.append("  attestation of ").append(p.platform().describe()).append(": ")
                    .append(a).append(" (kept)\n"));
        }
        for (PlatformResult p : platforms) {
            result.referrers().getOrDefault(p.digest().toString(), List.of()).forEach(r -> sb.append("  referrer of ")
                    .append(p.platform().describe()).append(": ").append(r).append(" (copied)\n"));
        }
        return sb.toString();
    }

    public static ObjectNode jsonNode(PublishResult result) {
        ObjectNode root = Json.object();
        root.put("repository", result.repository());
        root.put("digest", result.indexDigest().toString());
        root.put("reference", result.pinnedReference());
        root.put("mediaType", result.mediaType());
        root.put("size", result.indexSize());
        root.put("dryRun", result.dryRun());
        ArrayNode written = root.putArray("tagsWritten");
        result.tagsWritten().forEach(written::add);
        ArrayNode unchanged = root.putArray("tagsUnchanged");
        result.tagsUnchanged().forEach(unchanged::add);
        ArrayNode further = root.putArray("alsoTo");
        for (TargetResult target : result.alsoTo()) {
            ObjectNode node = further.addObject();
            node.put("repository", target.repository());
            ArrayNode w = node.putArray("tagsWritten");
            target.tagsWritten().forEach(w::add);
            ArrayNode u = node.putArray("tagsUnchanged");
            target.tagsUnchanged().forEach(u::add);
        }
        ArrayNode list = root.putArray("platforms");
        for (PlatformResult p : result.platforms()) {
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
            Json.checks(node.putArray("checks"), p.checks());
            ArrayNode kept = node.putArray("attestations");
            p.attestations().forEach(a -> kept.add(a.toString()));
            ArrayNode copied = node.putArray("referrers");
            result.referrers().getOrDefault(p.digest().toString(), List.of()).forEach(r -> {
                ObjectNode referrer = copied.addObject();
                referrer.put("digest", r.digest().toString());
                referrer.put("artifactType", r.artifactType());
            });
        }
        ObjectNode counts = root.putObject("requests");
        new TreeMap<>(result.requests()).forEach(counts::put);
        return root;
    }

    public static String json(PublishResult result) {
        return Json.write(jsonNode(result));
    }
}
