package io.jenkins.plugins.multiarch.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.multiarch.model.OtherRegistryLogin;
import io.jenkins.plugins.multiarch.model.StepFieldChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The login for one registry other than the image's own: a source's registry, or an {@code alsoTo} target's
 * ({@code registryCredentials: [[registry: 'ghcr.io', credentialsId: 'ghcr-push']]}). Holds the credentials ID
 * only; the username and password are looked up when the step runs and never stored.
 */
public final class RegistryCredential implements Describable<RegistryCredential> {

    private final String registry;
    private final String credentialsId;

    @DataBoundConstructor
    public RegistryCredential(String registry, String credentialsId) {
        this.registry = MultiArchBuildStep.blankToNull(registry);
        this.credentialsId = MultiArchBuildStep.blankToNull(credentialsId);
    }

    /** {@code host[:port]}, e.g. {@code ghcr.io}. */
    public String getRegistry() {
        return registry;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /** The model's plain pairs, in order; a null list is none. */
    public static List<OtherRegistryLogin> logins(List<RegistryCredential> given) {
        List<OtherRegistryLogin> logins = new ArrayList<>();
        if (given != null) {
            for (RegistryCredential c : given) {
                logins.add(c == null ? null : new OtherRegistryLogin(c.registry, c.credentialsId));
            }
        }
        return logins;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegistryCredential other && Objects.equals(registry, other.registry)
                && Objects.equals(credentialsId, other.credentialsId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(registry, credentialsId);
    }

    @Override
    public String toString() {
        return registry + "=" + credentialsId;
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<RegistryCredential> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.RegistryCredential_DisplayName();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String registry,
                                                     @QueryParameter String credentialsId) {
            String host = MultiArchBuildStep.blankToNull(registry);
            // an image on that registry: its credentials must fit the registry's domain
            return CredentialsItems.of(item, host == null ? null : host + "/image", credentialsId);
        }

        @POST
        public FormValidation doCheckRegistry(@AncestorInPath Item item, @QueryParameter String value) {
            return ItemPermission.check(item, () -> StepFieldChecks.registryHost(value));
        }
    }
}
