// Compile-only stub of org.jenkinsci.plugins.workflow.steps.Step
// from org.jenkins-ci.plugins.workflow:workflow-step-api (jenkinsci/workflow-step-api-plugin at 0773c3c68734).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Really extends AbstractDescribableImpl<Step> (which implements Describable<Step>) and implements ExtensionPoint.
package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Describable;

public abstract class Step implements Describable<Step> {

    protected Step() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public abstract StepExecution start(StepContext context) throws Exception;
}
