package io.jenkins.plugins.multiarch.config;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.BulkChange;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.docker.commons.credentials.DockerRegistryEndpoint;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The plugin's defaults, under Manage Jenkins → System and in JCasC as {@code unclassified: multiArchImage:}:
 * registry, builder, which agent label builds which platform, and the binary check's settings. Steps take these
 * when they are not given.
 */
@Extension
@Symbol("multiArchImage")
public class MultiArchGlobalConfiguration extends GlobalConfiguration {

    private static final String PLATFORM_LABELS = "platformLabels";

    private @CheckForNull DockerRegistryEndpoint registry;
    private String defaultBuilder = BuilderChoice.AUTO.id();
    // an ArrayList, not List.of(): XStream writes and reads the field's own class
    private List<PlatformLabel> platformLabels = new ArrayList<>();
    private boolean binaryCheck = true;
    private String binaryBudget = BinaryBudget.DEFAULT;
    private boolean allBinaries;

    public MultiArchGlobalConfiguration() {
        load();
    }

    public static MultiArchGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(MultiArchGlobalConfiguration.class);
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.MultiArchGlobalConfiguration_DisplayName();
    }

    /**
     * Binds the form with Stapler, as the default does, but in one save, and with a list that is always there: the
     * form sends no {@code platformLabels} once the last row is deleted, Stapler then calls no setter, and the rows
     * would come back (JENKINS-36090). JCasC uses the setters directly and never comes here.
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        if (!json.has(PLATFORM_LABELS)) {
            json.put(PLATFORM_LABELS, new JSONArray());
        }
        try (BulkChange bulkChange = new BulkChange(this)) {
            boolean configured = super.configure(req, json);
            bulkChange.commit();
            return configured;
        } catch (IOException e) {
            throw new FormException(e, null); // saving failed: no one field is at fault
        }
    }

    /** The registry images are pushed to when a step names none; null for none configured. */
    public @CheckForNull DockerRegistryEndpoint getRegistry() {
        return registry;
    }

    @DataBoundSetter
    public void setRegistry(@CheckForNull DockerRegistryEndpoint registry) {
        // the form always sends the two fields: both empty means no default registry
        boolean empty = registry == null || (registry.getUrl() == null && registry.getCredentialsId() == null);
        this.registry = empty ? null : registry;
        save();
    }

    /** A {@link BuilderChoice#id()}: {@code auto}, {@code buildah}, ... */
    public String getDefaultBuilder() {
        return defaultBuilder;
    }

    /**
     * @throws IllegalArgumentException for a name that is not a {@link BuilderChoice}: the form offers only those,
     *     so this stops a JCasC typo loudly instead of storing a builder no agent has
     */
    @DataBoundSetter
    public void setDefaultBuilder(@CheckForNull String defaultBuilder) {
        BuilderChoice choice = defaultBuilder == null || defaultBuilder.isBlank()
                ? BuilderChoice.AUTO
                : BuilderChoice.fromId(defaultBuilder).orElseThrow(() -> new IllegalArgumentException(
                        Messages.BuilderChoice_Unknown(defaultBuilder, BuilderChoice.ids())));
        this.defaultBuilder = choice.id();
        save();
    }

    /** Which agent label builds which platform, in the order given. */
    public List<PlatformLabel> getPlatformLabels() {
        return Collections.unmodifiableList(platformLabels);
    }

    @DataBoundSetter
    public void setPlatformLabels(@CheckForNull List<PlatformLabel> platformLabels) {
        this.platformLabels = platformLabels == null ? new ArrayList<>() : new ArrayList<>(platformLabels);
        save();
    }

    /** Whether publishing checks that the program each image starts is built for its platform. */
    public boolean isBinaryCheck() {
        return binaryCheck;
    }

    @DataBoundSetter
    public void setBinaryCheck(boolean binaryCheck) {
        this.binaryCheck = binaryCheck;
        save();
    }

    /** At most this many compressed layer bytes are read per image, e.g. {@code 512MiB}; see {@link BinaryBudget}. */
    public String getBinaryBudget() {
        return binaryBudget;
    }

    @DataBoundSetter
    public void setBinaryBudget(@CheckForNull String binaryBudget) {
        this.binaryBudget = binaryBudget == null || binaryBudget.isBlank() ? BinaryBudget.DEFAULT : binaryBudget.trim();
        save();
    }

    /** Whether the binary check reads every ELF file in the layers, not just the program each image starts. */
    public boolean isAllBinaries() {
        return allBinaries;
    }

    @DataBoundSetter
    public void setAllBinaries(boolean allBinaries) {
        this.allBinaries = allBinaries;
        save();
    }

    @POST
    public FormValidation doCheckUrl(@QueryParameter String value) {
        if (!AdministerPermission.isGranted()) {
            return FormValidation.ok();
        }
        return FormValidations.of(RegistryUrl.check(value));
    }

    /** Username/password credentials (registry logins, tokens) in Jenkins' own stores that fit the registry URL. */
    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String url, @QueryParameter String credentialsId) {
        String current = Objects.toString(credentialsId, "");
        if (!AdministerPermission.isGranted()) {
            return new StandardListBoxModel().includeCurrentValue(current);
        }
        return new StandardListBoxModel()
                .includeEmptyValue()
                .includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardUsernamePasswordCredentials.class,
                        URIRequirementBuilder.fromUri(url).build(), CredentialsMatchers.always())
                .includeCurrentValue(current);
    }

    @POST
    public ListBoxModel doFillDefaultBuilderItems() {
        ListBoxModel items = new ListBoxModel();
        if (!AdministerPermission.isGranted()) {
            return items;
        }
        for (BuilderChoice choice : BuilderChoice.values()) {
            items.add(choice.displayName(), choice.id());
        }
        return items;
    }

    @POST
    public FormValidation doCheckBinaryBudget(@QueryParameter String value) {
        if (!AdministerPermission.isGranted()) {
            return FormValidation.ok();
        }
        return FormValidations.of(BinaryBudget.check(value));
    }
}
