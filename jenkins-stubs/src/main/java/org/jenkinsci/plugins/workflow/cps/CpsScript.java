// Compile-only stub of org.jenkinsci.plugins.workflow.cps.CpsScript
// from org.jenkins-ci.plugins.workflow:workflow-cps (jenkinsci/workflow-cps-plugin at e007b7ff).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Really extends SerializableScript (a groovy.lang.Script that is Serializable); Groovy's Script is the real class.
package org.jenkinsci.plugins.workflow.cps;

import groovy.lang.Script;
import java.io.IOException;

public abstract class CpsScript extends Script {

    public CpsScript() throws IOException {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
