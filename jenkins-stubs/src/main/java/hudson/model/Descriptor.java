// Compile-only stub of hudson.model.Descriptor
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// configure(StaplerRequest2, JSONObject) is stubbed where the plugin's superclass overrides it, GlobalConfiguration.
// Supertypes Loadable and OnMaster, and FormException's HttpResponse, left out: the plugin does not use them as types.
package hudson.model;

public abstract class Descriptor<T extends Describable<T>> implements Saveable {

    protected Descriptor() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public synchronized void save() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public synchronized void load() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static final class FormException extends Exception {

        public FormException(Throwable cause, String formField) {
            throw new UnsupportedOperationException("compile-only stub");
        }
    }
}
