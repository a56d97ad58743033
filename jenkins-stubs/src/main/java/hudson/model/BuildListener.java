// Compile-only stub of hudson.model.BuildListener
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Its default methods left out.
package hudson.model;

public interface BuildListener extends TaskListener {
}
