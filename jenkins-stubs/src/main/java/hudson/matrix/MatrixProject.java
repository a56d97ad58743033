// Compile-only stub of hudson.matrix.MatrixProject
// from org.jenkins-ci.plugins:matrix-project (jenkinsci/matrix-project-plugin, HEAD of 2026-08).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Interfaces (TopLevelItem, ItemGroup<MatrixConfiguration>, ...) left out; superclass AbstractProject kept.
package hudson.matrix;

import hudson.model.AbstractProject;
import hudson.model.Descriptor;
import hudson.model.ItemGroup;
import hudson.tasks.Publisher;
import hudson.util.DescribableList;

public class MatrixProject extends AbstractProject<MatrixProject, MatrixBuild> {

    public MatrixProject(ItemGroup parent, String name) {
        super(parent, name);
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public DescribableList<Publisher, Descriptor<Publisher>> getPublishersList() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
