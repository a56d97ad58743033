package io.jenkins.plugins.multiarch.engine.imagebuild;

/** Where one platform's build is, for progress displays. */
public enum BuildPhase {
    /** Waiting for a free build slot. */
    QUEUED("queued"),
    BUILDING("building"),
    PUSHING("pushing"),
    /** Sending an OCI layout the builder wrote into the registry ({@link LayoutUploader}). */
    UPLOADING("uploading"),
    CLEANING_UP("cleaning up"),
    DONE("done"),
    FAILED("failed"),
    /** Not started because another platform failed. */
    SKIPPED("skipped");

    private final String word;

    BuildPhase(String word) {
        this.word = word;
    }

    /** As shown to a person, e.g. {@code cleaning up}. */
    public String word() {
        return word;
    }

    /** True for the phases a build ends in. */
    public boolean isFinal() {
        return this == DONE || this == FAILED || this == SKIPPED;
    }
}
