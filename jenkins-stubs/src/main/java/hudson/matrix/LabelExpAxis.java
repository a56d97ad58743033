// Compile-only stub of hudson.matrix.LabelExpAxis
// from org.jenkins-ci.plugins:matrix-project (jenkinsci/matrix-project-plugin, HEAD of 2026-08).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Its descriptor's form check and isInstantiable left out.
package hudson.matrix;

import java.util.List;

public class LabelExpAxis extends Axis {

    public LabelExpAxis(String name, List<String> values) {
        super(name, values);
        throw new UnsupportedOperationException("compile-only stub");
    }

    public String getValuesString() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static List<String> getExprValues(String valuesString) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public DescriptorImpl getDescriptor() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static class DescriptorImpl extends AxisDescriptor {

        @Override
        public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only stub");
        }
    }
}
