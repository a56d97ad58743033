package io.jenkins.plugins.multiarch.engine.imagebuild;

/** What {@link ParallelBuilds} does with the other platforms once one has failed. */
public enum FailurePolicy {
    /**
     * The default. Builds not yet started are skipped; builds already running finish (stopping buildah or
     * podman mid-commit can leave locks in the local store, and a finished push does no harm).
     */
    SKIP_PENDING,
    /** Every build runs to its end, so one run shows every platform's failure. */
    FINISH_ALL
}
