// Compile-only stub of hudson.model.Queue
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Only the nested Task interface, as a type (its supertypes FullyNamedModelObject and SubTask left out).
package hudson.model;

public class Queue {

    private Queue() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public interface Task {
    }
}
