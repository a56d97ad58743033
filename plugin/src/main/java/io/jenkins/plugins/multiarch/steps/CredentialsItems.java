package io.jenkins.plugins.multiarch.steps;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.multiarch.model.CredentialsUri;
import java.util.List;
import java.util.Objects;
import jenkins.model.Jenkins;

/** The credentials list box of both steps: username/password credentials that fit the image's registry. */
public final class CredentialsItems {

    private CredentialsItems() {
    }

    public static ListBoxModel of(Item item, String image, String credentialsId) {
        String current = Objects.toString(credentialsId, "");
        if (!ItemPermission.mayConfigure(item)) {
            return new StandardListBoxModel().includeCurrentValue(current);
        }
        String uri = CredentialsUri.forImage(image);
        List<DomainRequirement> requirements = uri == null ? List.of() : URIRequirementBuilder.fromUri(uri).build();
        StandardListBoxModel model = new StandardListBoxModel();
        model.includeEmptyValue();
        if (item == null) {
            model.includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardUsernamePasswordCredentials.class, requirements,
                    CredentialsMatchers.always());
        } else {
            // the credentials the job's builds would see
            model.includeMatchingAs(item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2,
                    item, StandardUsernamePasswordCredentials.class, requirements, CredentialsMatchers.always());
        }
        model.includeCurrentValue(current);
        return model;
    }
}
