// Compile-only stub of com.cloudbees.plugins.credentials.common.IdCredentials
// from org.jenkins-ci.plugins:credentials:1502.v5c95e620ddfe (jenkinsci/credentials-plugin at d96751bcc06d).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// getId() left out: the plugin needs the type only, as the list box's and findCredentialById's bound.
package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

public interface IdCredentials extends Credentials {
}
