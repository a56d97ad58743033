// Compile-only stub of com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials
// from org.jenkins-ci.plugins:credentials:1502.v5c95e620ddfe (jenkinsci/credentials-plugin at d96751bcc06d).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Really extends StandardUsernameCredentials and UsernamePasswordCredentials; here StandardCredentials (the list box's
// Class<? extends StandardCredentials>), which the real one has through the first, and UsernamePasswordCredentials.
package com.cloudbees.plugins.credentials.common;

public interface StandardUsernamePasswordCredentials extends StandardCredentials, UsernamePasswordCredentials {
}
