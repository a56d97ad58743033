// Compile-only stub of com.cloudbees.plugins.credentials.CredentialsProvider
// from org.jenkins-ci.plugins:credentials:1502.v5c95e620ddfe (jenkinsci/credentials-plugin at d96751bcc06d).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Superclass Descriptor<CredentialsProvider> and interface ExtensionPoint left out: the plugin calls static members only.
package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.model.Run;
import hudson.security.Permission;
import java.util.List;

public abstract class CredentialsProvider {

    public static final Permission USE_ITEM = null;

    protected CredentialsProvider() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type, Run<?, ?> run,
            List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @SuppressWarnings("rawtypes") // the real signature takes a raw Run
    public static <C extends Credentials> C track(Run build, C credentials) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
