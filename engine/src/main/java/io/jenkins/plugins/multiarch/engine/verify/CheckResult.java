package io.jenkins.plugins.multiarch.engine.verify;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** What one check found for one image. */
public final class CheckResult implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** The details key saying how the layers were read ({@link LayerReads}, lower case). */
    public static final String LAYER_READS = "layerReads";

    private final String check;
    private final Status status;
    private final String message;
    private final Map<String, String> details;

    public CheckResult(String check, Status status, String message, Map<String, String> details) {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        // Sorted, so JSON output lists details in the same order every time.
        details = details == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(details));
        this.check = check;
        this.status = status;
        this.message = message;
        this.details = details;
    }

    /** Which check, e.g. {@code config} or {@code binary}. */
    public String check() {
        return check;
    }

    /** Passed, failed or not checked. */
    public Status status() {
        return status;
    }

    /** One line for a person: what was checked and found, or what is wrong. */
    public String message() {
        return message;
    }

    /** Facts for machines and build records, e.g. the checked file, its architecture, bytes read; sorted by key. */
    public Map<String, String> details() {
        return details;
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

/** How the check read the image's layers, for checks that read them (the binary check). */
public java.util.Optional<LayerReads> layerReads() {
    String value = details.get(LAYER_READS);
    return value == null ? java.util.Optional.empty()
            : java.util.Optional.of(LayerReads.valueOf(value.toUpperCase(java.util.Locale.ROOT)));
}

public boolean failed() {
    return status == Status.FAILED;
}

    @Override
    public boolean equals(Object o) {
        return o instanceof CheckResult other && java.util.Objects.equals(check, other.check) && java.util.Objects.equals(status, other.status) && java.util.Objects.equals(message, other.message) && java.util.Objects.equals(details, other.details);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(check, status, message, details);
    }

    @Override
    public String toString() {
        return "CheckResult[check=" + check + ", status=" + status + ", message=" + message + ", details=" + details + "]";
    }

/** PASSED and NOT_CHECKED let the publish go on; FAILED stops it. */
public enum Status { PASSED, FAILED, NOT_CHECKED }
}
