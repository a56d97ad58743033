// Compile-only stub of hudson.model.Actionable
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Superclass AbstractModelObject and interface ModelObjectWithContextMenu left out.
package hudson.model;

import java.util.List;

public abstract class Actionable {

    protected Actionable() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public <T extends Action> List<T> getActions(Class<T> type) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public void addAction(Action a) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
