// Compile-only stub of com.cloudbees.plugins.credentials.common.UsernamePasswordCredentials
// from org.jenkins-ci.plugins:credentials:1502.v5c95e620ddfe (jenkinsci/credentials-plugin at d96751bcc06d).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
package com.cloudbees.plugins.credentials.common;

public interface UsernamePasswordCredentials extends UsernameCredentials, PasswordCredentials {
}
