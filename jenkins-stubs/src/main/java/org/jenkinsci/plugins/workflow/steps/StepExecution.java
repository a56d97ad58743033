// Compile-only stub of org.jenkinsci.plugins.workflow.steps.StepExecution
// from org.jenkins-ci.plugins.workflow:workflow-step-api (jenkinsci/workflow-step-api-plugin at 0773c3c68734).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

public abstract class StepExecution implements Serializable {

    protected StepExecution(StepContext context) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public StepContext getContext() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public abstract boolean start() throws Exception;

    public void onResume() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
