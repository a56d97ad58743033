// Compile-only stub of hudson.tasks.Publisher
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// needsToRunAfterFinalized and the static all() left out.
package hudson.tasks;

import hudson.model.Describable;
import hudson.model.Descriptor;

public abstract class Publisher extends BuildStepCompatibilityLayer implements Describable<Publisher> {

    protected Publisher() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public Descriptor<Publisher> getDescriptor() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
