// Compile-only stub of jenkins.MasterToSlaveFileCallable
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Really implements FileCallable through jenkins.agents.ControllerToAgentFileCallable, which adds checkRoles.
package jenkins;

import hudson.FilePath.FileCallable;

public abstract class MasterToSlaveFileCallable<T> implements FileCallable<T> {
}
