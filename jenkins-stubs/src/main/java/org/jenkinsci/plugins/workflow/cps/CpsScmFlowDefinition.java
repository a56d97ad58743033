// Compile-only stub of org.jenkinsci.plugins.workflow.cps.CpsScmFlowDefinition
// from org.jenkins-ci.plugins.workflow:workflow-cps (jenkinsci/workflow-cps-plugin at e007b7ff).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// No member is used: the plugin only asks whether a job's Pipeline comes from SCM.
package org.jenkinsci.plugins.workflow.cps;

import org.jenkinsci.plugins.workflow.flow.FlowDefinition;

public class CpsScmFlowDefinition extends FlowDefinition {

    private CpsScmFlowDefinition() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
