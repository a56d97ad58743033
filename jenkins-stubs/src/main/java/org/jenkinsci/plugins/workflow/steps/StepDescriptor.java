// Compile-only stub of org.jenkinsci.plugins.workflow.steps.StepDescriptor
// from org.jenkins-ci.plugins.workflow:workflow-step-api (jenkinsci/workflow-step-api-plugin at 0773c3c68734).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Set;

public abstract class StepDescriptor extends Descriptor<Step> {

    protected StepDescriptor() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public abstract Set<? extends Class<?>> getRequiredContext();

    public abstract String getFunctionName();
}
