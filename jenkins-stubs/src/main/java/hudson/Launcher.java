// Compile-only stub of hudson.Launcher
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Its nested classes and all members left out: the plugin only passes a Launcher on.
package hudson;

public abstract class Launcher {

    protected Launcher(hudson.model.TaskListener listener, hudson.remoting.VirtualChannel channel) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
