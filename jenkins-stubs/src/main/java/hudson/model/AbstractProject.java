// Compile-only stub of hudson.model.AbstractProject
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Interfaces (BuildableItem, LazyBuildMixIn.LazyLoadingJob, ...) left out; superclass Job kept.
package hudson.model;

import hudson.tasks.Publisher;
import hudson.util.DescribableList;

public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Job<P, R> {

    public abstract DescribableList<Publisher, Descriptor<Publisher>> getPublishersList();

    protected AbstractProject(ItemGroup parent, String name) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
