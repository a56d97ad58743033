// Compile-only stub of hudson.model.Describable
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses (none: the default getDescriptor() is left out), with their real signatures; every body throws. Never shipped.
package hudson.model;

public interface Describable<T extends Describable<T>> {
}
