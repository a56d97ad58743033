// Compile-only stub of hudson.slaves.WorkspaceList
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
package hudson.slaves;

import hudson.FilePath;

public final class WorkspaceList {

    private WorkspaceList() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static FilePath tempDir(FilePath ws) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
