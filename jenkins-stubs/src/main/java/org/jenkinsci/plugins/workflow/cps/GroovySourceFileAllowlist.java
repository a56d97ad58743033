// Compile-only stub of org.jenkinsci.plugins.workflow.cps.GroovySourceFileAllowlist
// from org.jenkins-ci.plugins.workflow:workflow-cps (jenkinsci/workflow-cps-plugin at e007b7ff).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// all(), the DefaultAllowlist and the package-private ClassLoaderImpl left out.
package org.jenkinsci.plugins.workflow.cps;

import hudson.ExtensionPoint;

public abstract class GroovySourceFileAllowlist implements ExtensionPoint {

    protected GroovySourceFileAllowlist() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public abstract boolean isAllowed(String groovySourceFileUrl);
}
