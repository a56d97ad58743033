// Compile-only stub of hudson.model.InvisibleAction
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
package hudson.model;

public abstract class InvisibleAction implements Action {

    protected InvisibleAction() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public final String getIconFileName() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public final String getDisplayName() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
