// Compile-only stub of hudson.EnvVars
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Its TreeMap<String, String> supertype is kept: the plugin reads the build's environment as a map.
package hudson;

import java.util.TreeMap;

public class EnvVars extends TreeMap<String, String> {

    public EnvVars() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public String expand(String s) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
