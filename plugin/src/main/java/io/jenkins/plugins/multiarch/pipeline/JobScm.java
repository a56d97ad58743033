package io.jenkins.plugins.multiarch.pipeline;

import hudson.model.Job;
import hudson.model.Run;
import jenkins.scm.api.SCMRevisionAction;
import org.jenkinsci.plugins.workflow.cps.CpsScmFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;

/**
 * Whether {@code checkout scm} works in a run, answered as the {@code scm} variable (workflow-multibranch's SCMVar)
 * finds its value: a Pipeline job whose script comes from SCM, or a multibranch branch job, whose runs carry the
 * revision they build.
 */
final class JobScm {

    private JobScm() {
    }

    static boolean has(Run<?, ?> run) {
        if (run == null) {
            return false;
        }
        if (!run.getActions(SCMRevisionAction.class).isEmpty()) {
            return true; // multibranch (and other SCMSource-based jobs)
        }
        Job<?, ?> job = run.getParent();
        return job instanceof WorkflowJob workflow && workflow.getDefinition() instanceof CpsScmFlowDefinition;
    }
}
