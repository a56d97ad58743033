package io.jenkins.plugins.multiarch.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.multiarch.engine.oci.MediaTypes;
import io.jenkins.plugins.multiarch.engine.verify.BinaryImageCheck;
import io.jenkins.plugins.multiarch.engine.verify.CheckResult;
import io.jenkins.plugins.multiarch.engine.verify.CheckSummary;
import io.jenkins.plugins.multiarch.engine.verify.PlatformVerification;
import io.jenkins.plugins.multiarch.engine.verify.VerifyResult;
import java.util.List;

/** What {@code multiarch verify} prints: the verdict and a table per platform, or one JSON object. */
public final class VerifyOutput {

    private VerifyOutput() {
    }

    public static String text(VerifyResult result) {
        List<PlatformVerification> platforms = result.platforms();
        StringBuilder sb = new StringBuilder();
        sb.append(result.reference()).append(": ").append(MediaTypes.describe(result.mediaType())).append(' ')
                .append(result.digest()).append('\n');
        sb.append("  ").append(result.verdict()).append('\n');
        int width = Math.max("PLATFORM".length(), platforms.stream()
                .mapToInt(p -> String.valueOf(p.platform()).length()).max().orElse(0));
        int configWidth = Math.max("CONFIG".length(), platforms.stream()
                .mapToInt(p -> configCell(p).length()).max().orElse(0));
        String row = "  %-" + width + "s  %-71s  %-" + configWidth + "s  %s%n";
        sb.append(String.format(row, "PLATFORM", "DIGEST", "CONFIG", "BINARY"));
        for (PlatformVerification p : platforms) {
            sb.append(String.format(row, p.platform() == null ? "?" : p.platform(), p.digest(), configCell(p),
                    binaryCell(p)));
        }
        return sb.toString();
    }

    public static String json(VerifyResult result) {
        ObjectNode root = Json.object();
        root.put("reference", result.reference().toString());
        root.put("digest", result.digest().toString());
        root.put("mediaType", result.mediaType());
        root.put("passed", result.passed());
        root.put("verdict", result.verdict());
        ArrayNode list = root.putArray("platforms");
        for (PlatformVerification p : result.platforms()) {
            ObjectNode node = list.addObject();
            node.put("platform", p.platform() == null ? null : p.platform().toString());
            node.put("digest", p.digest().toString());
            node.put("passed", !p.failed());
            Json.checks(node.putArray("checks"), p.checks());
        }
        return Json.write(root);
    }

    /** {@code linux/arm64 ✓}: what the image config says, and whether it fits. */
    private static String configCell(PlatformVerification p) {
        CheckResult config = p.result("config");
        if (config == null) {
            return p.failed() ? "✗ unreadable" : "-";
        }
        String says = config.details().getOrDefault("configPlatform", "");
        return says + (config.failed() ? " ✗" : " ✓");
    }

    private static String binaryCell(PlatformVerification p) {
        CheckResult binary = p.result(BinaryImageCheck.NAME);
        if (binary != null) {
            return CheckSummary.of(List.of(binary));
        }
        return p.failed() ? "- (not run after the failure)" : "- (off)";
    }
}
