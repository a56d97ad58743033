// Compile-only stub of hudson.util.Secret
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
package hudson.util;

import java.io.Serializable;

public final class Secret implements Serializable {

    private Secret() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public String getPlainText() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
