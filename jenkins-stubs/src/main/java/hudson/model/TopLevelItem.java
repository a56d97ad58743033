// Compile-only stub of hudson.model.TopLevelItem
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Supertypes ExtensionPoint and Describable<TopLevelItem> left out: only Jenkins' ItemGroup<TopLevelItem> needs it.
package hudson.model;

public interface TopLevelItem extends Item {
}
