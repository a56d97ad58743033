// Compile-only stub of hudson.matrix.MatrixAggregatable
// from org.jenkins-ci.plugins:matrix-project (jenkinsci/matrix-project-plugin, HEAD of 2026-08).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Superinterface ExtensionPoint left out.
package hudson.matrix;

import hudson.Launcher;
import hudson.model.BuildListener;

public interface MatrixAggregatable {

    MatrixAggregator createAggregator(MatrixBuild build, Launcher launcher, BuildListener listener);
}
