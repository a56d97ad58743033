package io.jenkins.plugins.multiarch.freestyle;

import hudson.model.Run;

/**
 * Tells whether a run is a cell of a multi-configuration build, without this plugin needing matrix-project: its
 * only implementation, {@link MatrixPublishing}, is an optional extension (variant's {@code OptionalExtension}) that loads only where matrix-project is
 * installed.
 */
public interface MatrixCells {

    boolean isCell(Run<?, ?> run);

    /** The parent build's display name; only for a cell. */
    String parentName(Run<?, ?> run);
}
