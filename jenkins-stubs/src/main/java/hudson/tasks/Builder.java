// Compile-only stub of hudson.tasks.Builder
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Interface ExtensionPoint and the static all() left out.
package hudson.tasks;

import hudson.model.Describable;
import hudson.model.Descriptor;

public abstract class Builder extends BuildStepCompatibilityLayer implements Describable<Builder> {

    protected Builder() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public Descriptor<Builder> getDescriptor() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
