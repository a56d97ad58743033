package io.jenkins.plugins.multiarch.engine.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.multiarch.engine.oci.MediaTypes;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What {@link ImageVerifier} found for every platform of an image.
 *
 * @param digest    the digest of what the reference names (the index, or the single manifest)
 * @param platforms one entry per checked platform, sorted by platform
 */
public record VerifyResult(ImageReference reference, Digest digest, String mediaType,
                           List<PlatformVerification> platforms) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public VerifyResult {
        platforms = platforms.stream()
                .sorted(Comparator.comparing(p -> p.platform() == null ? "" : p.platform().toString()))
                .toList();
    }

    /** True when no check failed; "not checked" results do not fail an image. */
    public boolean passed() {
        return platforms.stream().noneMatch(PlatformVerification::failed);
    }

    /** The message of every failed check, one per line of output. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (PlatformVerification platform : platforms) {
            platform.checks().stream().filter(CheckResult::failed).forEach(check -> problems.add(check.message()));
        }
        return problems;
    }

    /** {@code 1 of 3 platforms failed verification}, or {@code all 3 platforms passed}. */
    public String verdict() {
        long failed = platforms.stream().filter(PlatformVerification::failed).count();
        long notChecked = platforms.stream().filter(p -> !p.failed() && p.checks().stream()
                .anyMatch(c -> c.status() == CheckResult.Status.NOT_CHECKED)).count();
        String count = platforms.size() == 1 ? "1 platform" : platforms.size() + " platforms";
        if (failed > 0) {
            return failed + " of " + count + " failed verification";
        }
        if (platforms.isEmpty()) {
            return "no platform images to check";
        }
        String all = platforms.size() == 1 ? "the platform passed" : "all " + count + " passed";
        return notChecked == 0 ? all : all + " (" + notChecked + " not fully checked)";
    }

    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(reference).append(": ").append(MediaTypes.describe(mediaType)).append(' ').append(digest).append('\n');
        sb.append("  ").append(verdict()).append('\n');
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

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("reference", reference.toString());
        root.put("digest", digest.toString());
        root.put("mediaType", mediaType);
        root.put("passed", passed());
        root.put("verdict", verdict());
        ArrayNode list = root.putArray("platforms");
        for (PlatformVerification p : platforms) {
            ObjectNode node = list.addObject();
            node.put("platform", p.platform() == null ? null : p.platform().toString());
            node.put("digest", p.digest().toString());
            node.put("passed", !p.failed());
            ArrayNode checks = node.putArray("checks");
            p.checks().forEach(check -> check.writeTo(checks.addObject()));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
