// Compile-only stub of hudson.tasks.BuildStepDescriptor
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Its static filter() left out.
package hudson.tasks;

import hudson.model.AbstractProject;
import hudson.model.Describable;
import hudson.model.Descriptor;

public abstract class BuildStepDescriptor<T extends BuildStep & Describable<T>> extends Descriptor<T> {

    protected BuildStepDescriptor() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public abstract boolean isApplicable(Class<? extends AbstractProject> jobType);
}
