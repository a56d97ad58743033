// Compile-only stub of com.cloudbees.plugins.credentials.common.PasswordCredentials
// from org.jenkins-ci.plugins:credentials:1502.v5c95e620ddfe (jenkinsci/credentials-plugin at d96751bcc06d).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import hudson.util.Secret;

public interface PasswordCredentials extends Credentials {

    Secret getPassword();
}
