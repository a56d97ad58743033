package io.jenkins.plugins.multiarch.engine.imagebuild.tool;

/** What a command in a build plan does; the executor keeps each step's output tail under its kind. */
public enum StepKind {
    BUILD,
    PUSH,
    /** One command that builds and pushes (buildx, kaniko). */
    BUILD_AND_PUSH,
    /** Removes what the build left in the builder's local store; runs even after a failure. */
    CLEANUP;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
