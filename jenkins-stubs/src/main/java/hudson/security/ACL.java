// Compile-only stub of hudson.security.ACL
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// SYSTEM2 is initialized to null here; the real value is an authentication token. It is no constant, so javac never inlines it.
package hudson.security;

import org.springframework.security.core.Authentication;

public abstract class ACL {

    public static final Authentication SYSTEM2 = null;

    private ACL() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
