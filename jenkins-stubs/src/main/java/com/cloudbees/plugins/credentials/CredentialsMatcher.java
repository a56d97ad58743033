// Compile-only stub of com.cloudbees.plugins.credentials.CredentialsMatcher
// from org.jenkins-ci.plugins:credentials:1502.v5c95e620ddfe (jenkinsci/credentials-plugin at d96751bcc06d).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// matches(Credentials) left out: the plugin only passes a matcher on.
package com.cloudbees.plugins.credentials;

import java.io.Serializable;

public interface CredentialsMatcher extends Serializable {
}
