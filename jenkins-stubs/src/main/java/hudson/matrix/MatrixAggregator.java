// Compile-only stub of hudson.matrix.MatrixAggregator
// from org.jenkins-ci.plugins:matrix-project (jenkinsci/matrix-project-plugin, HEAD of 2026-08).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Interface ExtensionPoint left out.
package hudson.matrix;

import hudson.Launcher;
import hudson.model.BuildListener;
import java.io.IOException;

public abstract class MatrixAggregator {

    protected final MatrixBuild build = null;

    protected final Launcher launcher = null;

    protected final BuildListener listener = null;

    protected MatrixAggregator(MatrixBuild build, Launcher launcher, BuildListener listener) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public boolean startBuild() throws InterruptedException, IOException {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public boolean endRun(MatrixRun run) throws InterruptedException, IOException {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public boolean endBuild() throws InterruptedException, IOException {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
