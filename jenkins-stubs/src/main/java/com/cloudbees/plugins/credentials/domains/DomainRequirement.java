// Compile-only stub of com.cloudbees.plugins.credentials.domains.DomainRequirement
// from org.jenkins-ci.plugins:credentials:1502.v5c95e620ddfe (jenkinsci/credentials-plugin at d96751bcc06d).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// ExtensionPoint left out.
package com.cloudbees.plugins.credentials.domains;

import java.io.Serializable;

public class DomainRequirement implements Serializable {

    private static final long serialVersionUID = 1L;

    private DomainRequirement() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
