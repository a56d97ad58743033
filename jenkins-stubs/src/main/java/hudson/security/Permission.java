// Compile-only stub of hudson.security.Permission
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
package hudson.security;

public final class Permission {

    private Permission() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
