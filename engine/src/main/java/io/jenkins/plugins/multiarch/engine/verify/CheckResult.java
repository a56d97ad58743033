package io.jenkins.plugins.multiarch.engine.verify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one check found for one image.
 *
 * @param check   which check, e.g. {@code config} or {@code binary}
 * @param message one line for a person: what was checked and found, or what is wrong
 * @param details facts for machines and build records, e.g. the checked file, its architecture, bytes read
 */
public record CheckResult(String check, Status status, String message, Map<String, String> details) {

    /** PASSED and NOT_CHECKED let the publish go on; FAILED stops it. */
    public enum Status { PASSED, FAILED, NOT_CHECKED }

    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        // Sorted, so JSON output lists details in the same order every time.
        details = details == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(details));
    }

    public static CheckResult passed(String check, String message, Map<String, String> details) {
        return new CheckResult(check, Status.PASSED, message, details);
    }

    public static CheckResult failed(String check, String message, Map<String, String> details) {
        return new CheckResult(check, Status.FAILED, message, details);
    }

    public static CheckResult notChecked(String check, String message, Map<String, String> details) {
        return new CheckResult(check, Status.NOT_CHECKED, message, details);
    }

    /** Writes {@code check}, {@code status}, {@code message} and {@code details} into a JSON object. */
    public void writeTo(ObjectNode node) {
        node.put("check", check);
        node.put("status", status.name());
        node.put("message", message);
        ObjectNode detailsNode = node.putObject("details");
        details.forEach(detailsNode::put);
    }

    public boolean failed() {
        return status == Status.FAILED;
    }
}
