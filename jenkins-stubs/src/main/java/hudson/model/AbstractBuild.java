// Compile-only stub of hudson.model.AbstractBuild
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Interfaces (Queue.Executable, LazyBuildMixIn.LazyLoadingRun, ...) left out; superclass Run kept.
package hudson.model;

public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Run<P, R> {

    public final P getProject() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public final hudson.FilePath getWorkspace() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    protected AbstractBuild(P job) throws java.io.IOException {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
