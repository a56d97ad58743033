// Compile-only stub of hudson.model.Item
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Supertypes (PersistenceRoot, AccessControlled, ...) left out: the plugin only needs the type, as ItemGroup's bound.
package hudson.model;

public interface Item {
}
