// Compile-only stub of hudson.AbortException
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
package hudson;

import java.io.IOException;

public class AbortException extends IOException {

    public AbortException(String message) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
