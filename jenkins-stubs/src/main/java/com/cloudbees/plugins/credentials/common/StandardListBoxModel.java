// Compile-only stub of com.cloudbees.plugins.credentials.common.StandardListBoxModel
// from org.jenkins-ci.plugins:credentials:1502.v5c95e620ddfe (jenkinsci/credentials-plugin at d96751bcc06d).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// describe(StandardCredentials) left out: the plugin does not override it.
package com.cloudbees.plugins.credentials.common;

public class StandardListBoxModel
        extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {

    public StandardListBoxModel() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
