// Compile-only stub of org.jenkinsci.plugins.workflow.steps.StepContext
// from org.jenkins-ci.plugins.workflow:workflow-step-api (jenkinsci/workflow-step-api-plugin at 0773c3c68734).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// FutureCallback<Object> is Guava's real interface (onFailure comes from it).
package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import java.io.IOException;
import java.io.Serializable;

public abstract class StepContext implements FutureCallback<Object>, Serializable {

    protected StepContext() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;
}
