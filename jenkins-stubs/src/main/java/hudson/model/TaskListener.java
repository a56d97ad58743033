// Compile-only stub of hudson.model.TaskListener
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Really extends SerializableOnlyOverRemoting, which extends Serializable (kept: the plugin sends it to agents).
package hudson.model;

import java.io.PrintStream;
import java.io.Serializable;

public interface TaskListener extends Serializable {

    PrintStream getLogger();
}
