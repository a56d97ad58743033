// Compile-only stub of hudson.remoting.VirtualChannel
// from org.jenkins-ci.main:remoting:3355.v388858a_47b_33 (jenkinsci/remoting, the version jenkins-core 2.555.3 pins).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// No member is used: the plugin only receives it in FileCallable.invoke.
package hudson.remoting;

public interface VirtualChannel {
}
