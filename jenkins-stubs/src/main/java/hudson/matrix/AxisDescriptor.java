// Compile-only stub of hudson.matrix.AxisDescriptor
// from org.jenkins-ci.plugins:matrix-project (jenkinsci/matrix-project-plugin, HEAD of 2026-08).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Its form checks left out.
package hudson.matrix;

import hudson.model.Descriptor;

public abstract class AxisDescriptor extends Descriptor<Axis> {

    protected AxisDescriptor() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
