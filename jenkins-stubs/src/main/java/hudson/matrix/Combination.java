// Compile-only stub of hudson.matrix.Combination
// from org.jenkins-ci.plugins:matrix-project (jenkinsci/matrix-project-plugin, HEAD of 2026-08).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Superclass TreeMap<String, String> left out: the plugin only names the type.
package hudson.matrix;

public final class Combination {

    private Combination() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
