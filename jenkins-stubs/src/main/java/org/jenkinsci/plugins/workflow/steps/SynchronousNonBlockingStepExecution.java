// Compile-only stub of org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution
// from org.jenkins-ci.plugins.workflow:workflow-step-api (jenkinsci/workflow-step-api-plugin at 0773c3c68734).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
package org.jenkinsci.plugins.workflow.steps;

public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {

    protected SynchronousNonBlockingStepExecution(StepContext context) {
        super(context);
        throw new UnsupportedOperationException("compile-only stub");
    }

    protected abstract T run() throws Exception;

    @Override
    public final boolean start() throws Exception {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public void onResume() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
