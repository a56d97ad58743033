// Compile-only stub of org.jenkinsci.plugins.workflow.job.WorkflowJob
// from org.jenkins-ci.plugins.workflow:workflow-job (jenkinsci/workflow-job-plugin at cef6baef).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Its interfaces (LazyBuildMixIn.LazyLoadingJob, ParameterizedJobMixIn.ParameterizedJob, TopLevelItem, Queue.FlyweightTask,
// SCMTriggerItem, BlockableResume) left out.
package org.jenkinsci.plugins.workflow.job;

import hudson.model.Job;
import org.jenkinsci.plugins.workflow.flow.FlowDefinition;

public final class WorkflowJob extends Job<WorkflowJob, WorkflowRun> {

    private WorkflowJob() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public FlowDefinition getDefinition() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
