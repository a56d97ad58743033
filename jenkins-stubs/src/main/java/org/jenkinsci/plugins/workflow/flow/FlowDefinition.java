// Compile-only stub of org.jenkinsci.plugins.workflow.flow.FlowDefinition
// from org.jenkins-ci.plugins.workflow:workflow-api (jenkinsci/workflow-api-plugin at cbc88d9).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Really extends AbstractDescribableImpl<FlowDefinition> and implements ExtensionPoint: the plugin needs the type only.
package org.jenkinsci.plugins.workflow.flow;

public abstract class FlowDefinition {

    protected FlowDefinition() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
