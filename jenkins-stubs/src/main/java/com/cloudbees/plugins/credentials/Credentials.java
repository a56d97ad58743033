// Compile-only stub of com.cloudbees.plugins.credentials.Credentials
// from org.jenkins-ci.plugins:credentials:1502.v5c95e620ddfe (jenkinsci/credentials-plugin at d96751bcc06d).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Supertype ExtensionPoint and the scope/descriptor members left out.
package com.cloudbees.plugins.credentials;

import hudson.model.Describable;
import java.io.Serializable;

public interface Credentials extends Describable<Credentials>, Serializable {
}
