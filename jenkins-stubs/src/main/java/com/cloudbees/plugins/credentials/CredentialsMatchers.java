// Compile-only stub of com.cloudbees.plugins.credentials.CredentialsMatchers
// from org.jenkins-ci.plugins:credentials:1502.v5c95e620ddfe (jenkinsci/credentials-plugin at d96751bcc06d).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
package com.cloudbees.plugins.credentials;

public class CredentialsMatchers {

    private CredentialsMatchers() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static CredentialsMatcher always() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
