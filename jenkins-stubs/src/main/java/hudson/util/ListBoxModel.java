// Compile-only stub of hudson.util.ListBoxModel
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// HttpResponse left out; Option's members left out: the plugin only adds options.
package hudson.util;

import java.util.ArrayList;

public class ListBoxModel extends ArrayList<ListBoxModel.Option> {

    public ListBoxModel() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public void add(String displayName, String value) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static final class Option {

        private Option() {
            throw new UnsupportedOperationException("compile-only stub");
        }
    }
}
