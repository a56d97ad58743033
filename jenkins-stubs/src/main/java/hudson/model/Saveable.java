// Compile-only stub of hudson.model.Saveable
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses (none: save() is reached through Descriptor), with their real signatures; every body throws. Never shipped.
package hudson.model;

public interface Saveable {
}
