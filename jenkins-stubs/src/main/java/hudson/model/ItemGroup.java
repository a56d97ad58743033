// Compile-only stub of hudson.model.ItemGroup
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Supertypes (FullyNamed, PersistenceRoot, ...) left out: the plugin passes Jenkins as one, nothing more.
package hudson.model;

public interface ItemGroup<T extends Item> {
}
