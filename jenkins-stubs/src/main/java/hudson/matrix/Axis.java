// Compile-only stub of hudson.matrix.Axis
// from org.jenkins-ci.plugins:matrix-project (jenkinsci/matrix-project-plugin, HEAD of 2026-08).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Interfaces Comparable, Iterable and ExtensionPoint left out.
package hudson.matrix;

import hudson.model.AbstractDescribableImpl;
import java.util.List;
import java.util.Map;

public class Axis extends AbstractDescribableImpl<Axis> {

    public Axis(String name, List<String> values) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public String getName() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public List<String> getValues() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public void addBuildVariable(String value, Map<String, String> map) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public AxisDescriptor getDescriptor() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
