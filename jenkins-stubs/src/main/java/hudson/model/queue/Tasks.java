// Compile-only stub of hudson.model.queue.Tasks
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
package hudson.model.queue;

import hudson.model.Queue.Task;
import org.springframework.security.core.Authentication;

public class Tasks {

    private Tasks() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static Authentication getAuthenticationOf2(Task t) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
