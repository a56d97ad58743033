// Compile-only stub of jenkins.scm.api.SCMRevisionAction
// from org.jenkins-ci.plugins:scm-api (jenkinsci/scm-api-plugin at 24df4bb).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// No member is used: the plugin only asks whether a run has one (multibranch builds do).
package jenkins.scm.api;

import hudson.model.InvisibleAction;

public class SCMRevisionAction extends InvisibleAction {

    private SCMRevisionAction() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
