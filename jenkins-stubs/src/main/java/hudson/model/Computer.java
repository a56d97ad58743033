// Compile-only stub of hudson.model.Computer
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Superclass Actionable and its interfaces left out: the plugin reads the agent's name only.
package hudson.model;

public abstract class Computer {

    protected Computer() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public String getName() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
