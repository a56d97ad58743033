// Compile-only stub of hudson.ExtensionPoint
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Its nested LegacyInstancesAreScopedToHudson annotation left out.
package hudson;

public interface ExtensionPoint {
}
