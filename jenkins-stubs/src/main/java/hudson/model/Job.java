// Compile-only stub of hudson.model.Job
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Superclass AbstractItem and its interfaces left out: the plugin needs the type only, as Run's bound.
package hudson.model;

public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> {

    protected Job() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
