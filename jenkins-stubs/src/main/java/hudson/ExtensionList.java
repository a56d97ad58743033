// Compile-only stub of hudson.ExtensionList
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Supertypes AbstractList<T> and OnMaster left out: the plugin uses only lookupSingleton.
package hudson;

public class ExtensionList<T> {

    private ExtensionList() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static <U> U lookupSingleton(Class<U> type) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
