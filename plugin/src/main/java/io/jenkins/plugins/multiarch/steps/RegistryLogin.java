package io.jenkins.plugins.multiarch.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.multiarch.model.CredentialsUri;
import io.jenkins.plugins.multiarch.model.ImageTarget;
import io.jenkins.plugins.multiarch.model.OtherRegistryLogin;
import java.util.List;

/**
 * The username and password a step logs in with, looked up on the controller from the run's credentials by ID and
 * the registry's domain, and tracked as used by the run. Lives in memory only: never a field of anything persisted,
 * and {@link #toString()} hides the password.
 */
final class RegistryLogin {

    static final RegistryLogin ANONYMOUS = new RegistryLogin(null, null);

    private final String username;
    private final String password;

    private RegistryLogin(String username, String password) {
        this.username = username;
        this.password = password;
    }

    /** A login as given; for tests of what carries it. */
    static RegistryLogin of(String username, String password) {
        return new RegistryLogin(username, password);
    }

    /**
     * @throws AbortException when the ID names no username/password credentials this run may use for the registry
     */
    static RegistryLogin find(String step, Run<?, ?> run, ImageTarget target) throws AbortException {
        String id = target.credentialsId();
        if (id == null) {
            return ANONYMOUS;
        }
        StandardUsernamePasswordCredentials credentials = CredentialsProvider.findCredentialById(id,
                StandardUsernamePasswordCredentials.class, run, URIRequirementBuilder.fromUri(target.credentialsUri()).build());
        if (credentials == null) {
            throw new AbortException(Messages.RegistryLogin_NotFound(step, id, target.registry()));
        }
        // findCredentialById tracks only credentials named by a parameter
        CredentialsProvider.track(run, credentials);
        return new RegistryLogin(credentials.getUsername(), credentials.getPassword().getPlainText());
    }

    /**
     * The login for another registry ({@code registryCredentials}), looked up for that registry's domain.
     *
     * @throws AbortException when the ID names no username/password credentials this run may use for it
     */
    static RegistryLogin find(String step, Run<?, ?> run, OtherRegistryLogin other) throws AbortException {
        String uri = CredentialsUri.forImage(other.registry() + "/image");
        StandardUsernamePasswordCredentials credentials = CredentialsProvider.findCredentialById(other.credentialsId(),
                StandardUsernamePasswordCredentials.class, run,
                uri == null ? List.of() : URIRequirementBuilder.fromUri(uri).build());
        if (credentials == null) {
            throw new AbortException(Messages.RegistryLogin_NotFound(step, other.credentialsId(), other.registry()));
        }
        CredentialsProvider.track(run, credentials);
        return new RegistryLogin(credentials.getUsername(), credentials.getPassword().getPlainText());
    }

    /** Null when anonymous. */
    String username() {
        return username;
    }

    /** Null when anonymous. */
    String password() {
        return password;
    }

    @Override
    public String toString() {
        return username == null ? "anonymous" : username + "/****";
    }
}
