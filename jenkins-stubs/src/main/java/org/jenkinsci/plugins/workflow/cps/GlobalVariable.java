// Compile-only stub of org.jenkinsci.plugins.workflow.cps.GlobalVariable
// from org.jenkins-ci.plugins.workflow:workflow-cps (jenkinsci/workflow-cps-plugin at e007b7ff).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Static lookups (ALL, forRun, forJob, byName) and the @NonNull annotations left out.
package org.jenkinsci.plugins.workflow.cps;

import hudson.ExtensionPoint;

public abstract class GlobalVariable implements ExtensionPoint {

    protected GlobalVariable() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public abstract String getName();

    public abstract Object getValue(CpsScript script) throws Exception;
}
