// Compile-only stub of hudson.ExtensionList
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Interface OnMaster left out.
package hudson;

import java.util.AbstractList;

public class ExtensionList<T> extends AbstractList<T> {

    public static <T> ExtensionList<T> lookup(Class<T> type) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public T get(int index) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException("compile-only stub");
    }


    private ExtensionList() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static <U> U lookupSingleton(Class<U> type) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
