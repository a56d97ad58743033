// Compile-only stub of hudson.model.Build
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
package hudson.model;

public abstract class Build<P extends Project<P, B>, B extends Build<P, B>> extends AbstractBuild<P, B> {

    protected Build(P project) throws java.io.IOException {
        super(project);
        throw new UnsupportedOperationException("compile-only stub");
    }
}
