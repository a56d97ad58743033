// Compile-only stub of hudson.matrix.MatrixBuild
// from org.jenkins-ci.plugins:matrix-project (jenkinsci/matrix-project-plugin, HEAD of 2026-08).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
package hudson.matrix;

import hudson.model.AbstractBuild;
import java.io.IOException;

public class MatrixBuild extends AbstractBuild<MatrixProject, MatrixBuild> {

    public MatrixBuild(MatrixProject job) throws IOException {
        super(job);
        throw new UnsupportedOperationException("compile-only stub");
    }
}
