// Compile-only stub of com.cloudbees.plugins.credentials.domains.URIRequirementBuilder
// from org.jenkins-ci.plugins:credentials:1502.v5c95e620ddfe (jenkinsci/credentials-plugin at d96751bcc06d).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
package com.cloudbees.plugins.credentials.domains;

import java.util.List;

public class URIRequirementBuilder {

    private URIRequirementBuilder() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static URIRequirementBuilder fromUri(String uri) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public List<DomainRequirement> build() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
