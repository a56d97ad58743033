// Compile-only stub of com.cloudbees.plugins.credentials.common.IdCredentials
// from org.jenkins-ci.plugins:credentials:1502.v5c95e620ddfe (jenkinsci/credentials-plugin at d96751bcc06d).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Supertype Credentials and getId() left out: the plugin needs the type only, as the list box's bound.
package com.cloudbees.plugins.credentials.common;

public interface IdCredentials {
}
