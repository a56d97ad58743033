// Compile-only stub of hudson.model.Label
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Interfaces Comparable<Label> and ModelObjectWithChildren left out: the plugin only parses an expression and asks
// whether anything can run it.
package hudson.model;

public abstract class Label {

    protected Label() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static Label parseExpression(String labelExpression) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public boolean isAssignable() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
