// Compile-only stub of hudson.security.AccessControlled
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// getACL() and the other permission methods left out: the plugin calls hasPermission only.
package hudson.security;

public interface AccessControlled {

    default boolean hasPermission(Permission permission) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
