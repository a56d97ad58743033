// Compile-only stub of hudson.matrix.MatrixRun
// from org.jenkins-ci.plugins:matrix-project (jenkinsci/matrix-project-plugin, HEAD of 2026-08).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
package hudson.matrix;

import hudson.model.Build;
import java.io.IOException;

public class MatrixRun extends Build<MatrixConfiguration, MatrixRun> {

    public MatrixRun(MatrixConfiguration job) throws IOException {
        super(job);
        throw new UnsupportedOperationException("compile-only stub");
    }

    public MatrixBuild getParentBuild() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
