// Compile-only stub of hudson.model.Project
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Interfaces (TopLevelItem, ...) left out; superclass AbstractProject kept.
package hudson.model;

import hudson.tasks.Publisher;
import hudson.util.DescribableList;

public abstract class Project<P extends Project<P, B>, B extends Build<P, B>> extends AbstractProject<P, B> {

    @Override
    public DescribableList<Publisher, Descriptor<Publisher>> getPublishersList() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    protected Project(ItemGroup parent, String name) {
        super(parent, name);
        throw new UnsupportedOperationException("compile-only stub");
    }
}
