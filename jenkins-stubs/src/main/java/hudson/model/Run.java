// Compile-only stub of hudson.model.Run
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Interfaces (ExtensionPoint, Comparable, AccessControlled, PersistenceRoot, ...) left out; superclass Actionable kept.
package hudson.model;

import hudson.EnvVars;
import java.io.IOException;

public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable {

    protected Run() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public Result getResult() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public EnvVars getEnvironment(TaskListener listener) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public String getUrl() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public String getFullDisplayName() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public JobT getParent() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
