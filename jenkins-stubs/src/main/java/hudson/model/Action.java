// Compile-only stub of hudson.model.Action
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Supertype ModelObject left out (it declares getDisplayName, declared here instead).
package hudson.model;

public interface Action {

    String getIconFileName();

    String getDisplayName();

    String getUrlName();
}
