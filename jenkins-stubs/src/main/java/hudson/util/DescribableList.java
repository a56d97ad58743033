// Compile-only stub of hudson.util.DescribableList
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Superclass PersistedList<T> (an AbstractList) left out: the plugin only looks an entry up by type.
package hudson.util;

import hudson.model.Describable;
import hudson.model.Descriptor;

public class DescribableList<T extends Describable<T>, D extends Descriptor<T>> {

    protected DescribableList() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public <U extends T> U get(Class<U> type) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
