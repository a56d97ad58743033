package io.jenkins.plugins.multiarch.freestyle;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.FilePath;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Publisher;
import hudson.tasks.Recorder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.model.PlatformBuildRecord;
import io.jenkins.plugins.multiarch.model.PublishArguments;
import io.jenkins.plugins.multiarch.model.StepFieldChecks;
import io.jenkins.plugins.multiarch.steps.CredentialsItems;
import io.jenkins.plugins.multiarch.steps.IndexPublication;
import io.jenkins.plugins.multiarch.steps.ItemPermission;
import io.jenkins.plugins.multiarch.steps.RegistryCredential;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * "Publish multi-arch manifest index": the freestyle form of {@code multiArchPublish}. Sources, in this order: the
 * explicit {@code PLATFORM=REFERENCE} lines; else a source tag template ({@code {arch}-{version}}) rendered in the
 * image's repository for the listed platforms; else the platform images this build recorded. Runs on the
 * controller (no workspace needed), or with tags or annotations from git on the agent of the build's workspace,
 * whose checkout git reads. In a multi-configuration project the cells do not publish: the parent build
 * publishes once from every cell's recorded image, after all of them passed ({@link MatrixPublishing}).
 */
public final class MultiArchPublisher extends Recorder implements SimpleBuildStep {

    static final String FUNCTION = "multi-arch publish";

    private final String image;
    private String tags;
    private String sources;
    private String sourceTagTemplate;
    private String platforms;
    private String version;
    private String credentialsId;
    private String format;
    private String annotations;
    private boolean dryRun;
    private boolean insecure;
    private boolean tagsFromGit;
    private boolean annotationsFromGit;
    private String alsoTo;
    /** Null (configurations saved before it existed, or never unticked): keep them. */
    private Boolean attestations;
    private boolean referrers;
    private List<RegistryCredential> registryCredentials = new ArrayList<>();

    @DataBoundConstructor
    public MultiArchPublisher(String image) {
        this.image = MultiArchBuildBuilder.trimToNull(image);
    }

    public String getImage() {
        return image;
    }

    public @CheckForNull String getTags() {
        return tags;
    }

    @DataBoundSetter
    public void setTags(String tags) {
        this.tags = MultiArchBuildBuilder.trimToNull(tags);
    }

    public @CheckForNull String getSources() {
        return sources;
    }

    @DataBoundSetter
    public void setSources(String sources) {
        this.sources = MultiArchBuildBuilder.trimToNull(sources);
    }

    public @CheckForNull String getSourceTagTemplate() {
        return sourceTagTemplate;
    }

    @DataBoundSetter
    public void setSourceTagTemplate(String sourceTagTemplate) {
        this.sourceTagTemplate = MultiArchBuildBuilder.trimToNull(sourceTagTemplate);
    }

    public @CheckForNull String getPlatforms() {
        return platforms;
    }

    @DataBoundSetter
    public void setPlatforms(String platforms) {
        this.platforms = MultiArchBuildBuilder.trimToNull(platforms);
    }

    public @CheckForNull String getVersion() {
        return version;
    }

    @DataBoundSetter
    public void setVersion(String version) {
        this.version = MultiArchBuildBuilder.trimToNull(version);
    }

    public @CheckForNull String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = MultiArchBuildBuilder.trimToNull(credentialsId);
    }

    public @CheckForNull String getFormat() {
        return format;
    }

    @DataBoundSetter
    public void setFormat(String format) {
        this.format = MultiArchBuildBuilder.trimToNull(format);
    }

    public @CheckForNull String getAnnotations() {
        return annotations;
    }

    @DataBoundSetter
    public void setAnnotations(String annotations) {
        this.annotations = MultiArchBuildBuilder.trimToNull(annotations);
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public boolean isInsecure() {
        return insecure;
    }

    @DataBoundSetter
    public void setInsecure(boolean insecure) {
        this.insecure = insecure;
    }

    public boolean isTagsFromGit() {
        return tagsFromGit;
    }

    @DataBoundSetter
    public void setTagsFromGit(boolean tagsFromGit) {
        this.tagsFromGit = tagsFromGit;
    }

    public boolean isAnnotationsFromGit() {
        return annotationsFromGit;
    }

    @DataBoundSetter
    public void setAnnotationsFromGit(boolean annotationsFromGit) {
        this.annotationsFromGit = annotationsFromGit;
    }

    public @CheckForNull String getAlsoTo() {
        return alsoTo;
    }

    /** Further targets, {@code REGISTRY/REPO[:TAG]} separated by spaces, commas or lines. */
    @DataBoundSetter
    public void setAlsoTo(String alsoTo) {
        this.alsoTo = MultiArchBuildBuilder.trimToNull(alsoTo);
    }

    public boolean isAttestations() {
        return attestations == null || attestations;
    }

    @DataBoundSetter
    public void setAttestations(boolean attestations) {
        this.attestations = attestations;
    }

    public boolean isReferrers() {
        return referrers;
    }

    @DataBoundSetter
    public void setReferrers(boolean referrers) {
        this.referrers = referrers;
    }

    public List<RegistryCredential> getRegistryCredentials() {
        return registryCredentials == null ? List.of() : registryCredentials;
    }

    @DataBoundSetter
    public void setRegistryCredentials(@CheckForNull List<RegistryCredential> registryCredentials) {
        this.registryCredentials = registryCredentials == null ? new ArrayList<>() : new ArrayList<>(registryCredentials);
    }

    /**
     * The publish arguments, {@code ${VAR}} expanded from the build's environment.
     *
     * @throws InvalidInputException for a line that is not {@code NAME=VALUE}, a bad template, or both kinds of sources
     */
    PublishArguments arguments(EnvVars env) {
        String expandedImage = expand(env, image);
        PublishArguments arguments = new PublishArguments().image(expandedImage)
                .tags(TextArguments.words(expand(env, tags))).credentialsId(credentialsId).format(format)
                .annotations(TextArguments.pairs("annotations", expand(env, annotations))).dryRun(dryRun)
                .insecure(insecure).tagsFromGit(tagsFromGit).annotationsFromGit(annotationsFromGit)
                .alsoTo(TextArguments.words(expand(env, alsoTo))).attestations(isAttestations()).referrers(referrers)
                .registryCredentials(RegistryCredential.logins(getRegistryCredentials()));
        return PublisherSources.apply(arguments, expandedImage, expand(env, sources), sourceTagTemplate,
                expand(env, version), expand(env, platforms));
    }

    private static String expand(EnvVars env, String text) {
        return text == null ? null : env.expand(text);
    }

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        for (MatrixCells cells : ExtensionList.lookup(MatrixCells.class)) {
            if (cells.isCell(run)) {
                listener.getLogger().println(Messages.MultiArchPublisher_PublishedByParent(cells.parentName(run)));
                return;
            }
        }
        publish(run, env, IndexPublication.recordedBuilds(run), listener);
    }

    /** Verifies and publishes from these recorded builds (unless the arguments name their own sources). */
    void publish(Run<?, ?> run, EnvVars env, List<PlatformBuildRecord> builds, TaskListener listener)
            throws InterruptedException, IOException {
        PublishArguments arguments;
        try {
            arguments = arguments(env);
        } catch (InvalidInputException e) {
            throw new AbortException(FUNCTION + ": " + e.getMessage());
        }
        // git in the build's workspace gives the commit and its time; publishing runs there only when asked for git
        FilePath workspace = (tagsFromGit || annotationsFromGit) && run instanceof AbstractBuild<?, ?> build
                ? build.getWorkspace() : null;
        IndexPublication.run(FUNCTION, arguments, builds, run, workspace, env, listener);
    }

    @Extension
    public static final class DescriptorImpl extends BuildStepDescriptor<Publisher> {

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.MultiArchPublisher_DisplayName();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String image,
                                                     @QueryParameter String credentialsId) {
            return CredentialsItems.of(item, image, credentialsId);
        }

        @POST
        public ListBoxModel doFillFormatItems(@AncestorInPath Item item) {
            ListBoxModel items = new ListBoxModel();
            if (ItemPermission.mayConfigure(item)) {
                items.add("OCI image index", "oci");
                items.add("Docker manifest list", "docker");
                items.add("auto (Docker list only for all-Docker images)", "auto");
            }
            return items;
        }

        @POST
        public FormValidation doCheckImage(@AncestorInPath Item item, @QueryParameter String value) {
            return ItemPermission.check(item, () -> StepFieldChecks.image(value));
        }

        @POST
        public FormValidation doCheckAlsoTo(@AncestorInPath Item item, @QueryParameter String image,
                                            @QueryParameter String value) {
            return ItemPermission.check(item, () -> StepFieldChecks.alsoTo(image, TextArguments.words(value)));
        }

        @POST
        public FormValidation doCheckSourceTagTemplate(@AncestorInPath Item item, @QueryParameter String value) {
            return ItemPermission.check(item, () -> StepFieldChecks.tagTemplate(value));
        }
    }
}
