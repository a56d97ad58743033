// Compile-only stub of hudson.matrix.MatrixConfiguration
// from org.jenkins-ci.plugins:matrix-project (jenkinsci/matrix-project-plugin, HEAD of 2026-08).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Interfaces SCMTriggerItem and NonBlockingTask left out; superclass Project kept.
package hudson.matrix;

import hudson.model.Project;

public class MatrixConfiguration extends Project<MatrixConfiguration, MatrixRun> {

    public MatrixConfiguration(MatrixProject parent, Combination c) {
        super((hudson.model.ItemGroup) parent, null); // the real class is an ItemGroup
        throw new UnsupportedOperationException("compile-only stub");
    }
}
