// Compile-only stub of org.jenkinsci.plugins.workflow.job.WorkflowRun
// from org.jenkins-ci.plugins.workflow:workflow-job (jenkinsci/workflow-job-plugin at cef6baef).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Its interfaces (FlowExecutionOwner's run, Queue.Executable, LazyBuildMixIn.LazyLoadingRun, RunWithSCM) left out:
// the plugin needs the type only, as WorkflowJob's run type.
package org.jenkinsci.plugins.workflow.job;

import hudson.model.Run;

public final class WorkflowRun extends Run<WorkflowJob, WorkflowRun> {

    private WorkflowRun() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
