// Compile-only stub of hudson.tasks.Recorder
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Interface ExtensionPoint left out.
package hudson.tasks;

public abstract class Recorder extends Publisher {

    protected Recorder() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public BuildStepDescriptor getDescriptor() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
