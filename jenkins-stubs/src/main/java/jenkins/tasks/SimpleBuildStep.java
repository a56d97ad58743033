// Compile-only stub of jenkins.tasks.SimpleBuildStep
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Only the nested LastBuildAction; SimpleBuildStep's supertype BuildStep and its perform methods left out.
package jenkins.tasks;

import hudson.model.Action;
import java.util.Collection;

public interface SimpleBuildStep {

    interface LastBuildAction extends Action {
        Collection<? extends Action> getProjectActions();
    }
}
