// Compile-only stub of hudson.model.Result
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Interfaces Serializable and CustomExportedBean left out.
package hudson.model;

public final class Result {

    public static final Result SUCCESS = null;

    private Result() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public boolean isWorseThan(Result that) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public String toString() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
