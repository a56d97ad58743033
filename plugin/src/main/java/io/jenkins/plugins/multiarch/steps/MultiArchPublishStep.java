package io.jenkins.plugins.multiarch.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.multiarch.actions.MultiArchPublishAction;
import io.jenkins.plugins.multiarch.config.BinaryBudget;
import io.jenkins.plugins.multiarch.config.FormValidations;
import io.jenkins.plugins.multiarch.model.PublishArguments;
import io.jenkins.plugins.multiarch.model.StepFieldChecks;
import io.jenkins.plugins.multiarch.model.StepMaps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.docker.commons.credentials.DockerRegistryEndpoint;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code multiArchPublish}: verifies per-platform images (this run's {@code multiArchBuild}s of the image, or the
 * {@code sources} given) and publishes one index over them under every tag; a failed check publishes nothing.
 * Needs no node: it runs on the controller, or on the agent of an enclosing {@code node}. Returns the index digest
 * and records a {@link MultiArchPublishAction}.
 */
public class MultiArchPublishStep extends Step {

    static final String FUNCTION = "multiArchPublish";

    private String image;
    private List<String> tags = new ArrayList<>();
    private Map<String, String> sources = new LinkedHashMap<>();
    private List<String> platforms = new ArrayList<>();
    private String credentialsId;
    private DockerRegistryEndpoint registry;
    private String format;
    private Map<String, String> annotations = new LinkedHashMap<>();
    private Boolean binaryCheck;
    private String binaryBudget;
    private Boolean allBinaries;
    private boolean dryRun;
    private boolean insecure;
    private boolean tagsFromGit;
    private boolean annotationsFromGit;
    private List<String> alsoTo = new ArrayList<>();
    private boolean attestations = true;
    private boolean referrers;
    private List<RegistryCredential> registryCredentials = new ArrayList<>();

    @DataBoundConstructor
    public MultiArchPublishStep() {
    }

    public @CheckForNull String getImage() {
        return image;
    }

    @DataBoundSetter
    public void setImage(@CheckForNull String image) {
        this.image = MultiArchBuildStep.blankToNull(image);
    }

    public List<String> getTags() {
        return tags;
    }

    @DataBoundSetter
    public void setTags(@CheckForNull List<String> tags) {
        this.tags = strings(tags);
    }

    public Map<String, String> getSources() {
        return sources;
    }

    /** Platform → image reference, e.g. {@code ['linux/arm64': 'registry.example.com/team/app:arm64-1.0']}. */
    @DataBoundSetter
    public void setSources(@CheckForNull Map<String, String> sources) {
        this.sources = new LinkedHashMap<>(StepMaps.copy(sources, "sources"));
    }

    public List<String> getPlatforms() {
        return platforms;
    }

    @DataBoundSetter
    public void setPlatforms(@CheckForNull List<String> platforms) {
        this.platforms = strings(platforms);
    }

    public @CheckForNull String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(@CheckForNull String credentialsId) {
        this.credentialsId = MultiArchBuildStep.blankToNull(credentialsId);
    }

    public @CheckForNull DockerRegistryEndpoint getRegistry() {
        return registry;
    }

    @DataBoundSetter
    public void setRegistry(@CheckForNull DockerRegistryEndpoint registry) {
        this.registry = registry == null || (registry.getUrl() == null && registry.getCredentialsId() == null)
                ? null : registry;
    }

    public @CheckForNull String getFormat() {
        return format;
    }

    /** {@code oci} (the default), {@code docker} or {@code auto}. */
    @DataBoundSetter
    public void setFormat(@CheckForNull String format) {
        this.format = MultiArchBuildStep.blankToNull(format);
    }

    public Map<String, String> getAnnotations() {
        return annotations;
    }

    @DataBoundSetter
    public void setAnnotations(@CheckForNull Map<String, String> annotations) {
        this.annotations = new LinkedHashMap<>(StepMaps.copy(annotations, "annotations"));
    }

    public @CheckForNull Boolean getBinaryCheck() {
        return binaryCheck;
    }

    /** Null: the global default. */
    @DataBoundSetter
    public void setBinaryCheck(@CheckForNull Boolean binaryCheck) {
        this.binaryCheck = binaryCheck;
    }

    public @CheckForNull String getBinaryBudget() {
        return binaryBudget;
    }

    @DataBoundSetter
    public void setBinaryBudget(@CheckForNull String binaryBudget) {
        this.binaryBudget = MultiArchBuildStep.blankToNull(binaryBudget);
    }

    public @CheckForNull Boolean getAllBinaries() {
        return allBinaries;
    }

    /** Null: the global default. */
    @DataBoundSetter
    public void setAllBinaries(@CheckForNull Boolean allBinaries) {
        this.allBinaries = allBinaries;
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

    /** Add the tags the build's git state gives (the CI variables, else git in the workspace of the node). */
    @DataBoundSetter
    public void setTagsFromGit(boolean tagsFromGit) {
        this.tagsFromGit = tagsFromGit;
    }

    public boolean isAnnotationsFromGit() {
        return annotationsFromGit;
    }

    /** Set {@code org.opencontainers.image.revision, source, created, version} from the build's git state. */
    @DataBoundSetter
    public void setAnnotationsFromGit(boolean annotationsFromGit) {
        this.annotationsFromGit = annotationsFromGit;
    }

    public List<String> getAlsoTo() {
        return alsoTo;
    }

    /** Further targets for the same index, {@code REGISTRY/REPO[:TAG]} each. */
    @DataBoundSetter
    public void setAlsoTo(@CheckForNull List<String> alsoTo) {
        this.alsoTo = strings(alsoTo);
    }

    public boolean isAttestations() {
        return attestations;
    }

    /** Keep the attestation manifests (provenance, SBOM) of index sources; true by default. */
    @DataBoundSetter
    public void setAttestations(boolean attestations) {
        this.attestations = attestations;
    }

    public boolean isReferrers() {
        return referrers;
    }

    /** Copy each image's OCI 1.1 referrers (signatures, SBOMs) along when it crosses repositories; off by default. */
    @DataBoundSetter
    public void setReferrers(boolean referrers) {
        this.referrers = referrers;
    }

    public List<RegistryCredential> getRegistryCredentials() {
        return registryCredentials;
    }

    /** Logins for the registries of sources and {@code alsoTo} targets other than the image's. */
    @DataBoundSetter
    public void setRegistryCredentials(@CheckForNull List<RegistryCredential> registryCredentials) {
        this.registryCredentials = registryCredentials == null ? new ArrayList<>() : new ArrayList<>(registryCredentials);
    }

    /** Pipeline may hand over GStrings in a declared List<String>. */
    private static List<String> strings(List<?> list) {
        List<String> copy = new ArrayList<>();
        if (list != null) {
            for (Object item : list) {
                copy.add(item == null ? null : item.toString());
            }
        }
        return copy;
    }

    PublishArguments arguments() {
        return new PublishArguments().image(image).tags(tags).sources(sources).platforms(platforms)
                .credentialsId(credentialsId).registry(RegistryChoices.of(registry)).format(format)
                .annotations(annotations).binaryCheck(binaryCheck).binaryBudget(binaryBudget).allBinaries(allBinaries)
                .dryRun(dryRun).insecure(insecure).tagsFromGit(tagsFromGit).annotationsFromGit(annotationsFromGit)
                .alsoTo(alsoTo).attestations(attestations).referrers(referrers)
                .registryCredentials(RegistryCredential.logins(registryCredentials));
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(this, context);
    }

    /** As {@link MultiArchBuildStep.Execution}: a controller restart while it runs fails the step; publish again. */
    static final class Execution extends SynchronousNonBlockingStepExecution<String> {

        private static final long serialVersionUID = 1L;

        private final transient MultiArchPublishStep step;

        Execution(MultiArchPublishStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected String run() throws Exception {
            StepContext context = getContext();
            Run<?, ?> run = context.get(Run.class);
            // no FilePath outside node: then the controller publishes
            return IndexPublication.run(FUNCTION, step.arguments(), IndexPublication.recordedBuilds(run), run,
                    context.get(FilePath.class), context.get(EnvVars.class), context.get(TaskListener.class));
        }

        @Override
        public void onResume() {
            getContext().onFailure(new AbortException(Messages.MultiArchPublishStep_Resumed(FUNCTION)));
        }
    }

    @Extension
    @Symbol(FUNCTION)
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, EnvVars.class);
        }

        @Override
        public String getFunctionName() {
            return FUNCTION;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.MultiArchPublishStep_DisplayName();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String image,
                                                     @QueryParameter String credentialsId) {
            return CredentialsItems.of(item, image, credentialsId);
        }

        @POST
        public ListBoxModel doFillFormatItems(@AncestorInPath Item item) {
            ListBoxModel items = new ListBoxModel();
            if (!ItemPermission.mayConfigure(item)) {
                return items;
            }
            items.add(Messages.MultiArchPublishStep_FormatDefault(), "");
            items.add(Messages.MultiArchPublishStep_FormatOci(), "oci");
            items.add(Messages.MultiArchPublishStep_FormatDocker(), "docker");
            items.add(Messages.MultiArchPublishStep_FormatAuto(), "auto");
            return items;
        }

        @POST
        public FormValidation doCheckImage(@AncestorInPath Item item, @QueryParameter String value) {
            return ItemPermission.check(item, () -> StepFieldChecks.image(value));
        }

        @POST
        public FormValidation doCheckBinaryBudget(@AncestorInPath Item item, @QueryParameter String value) {
            if (!ItemPermission.mayConfigure(item) || value == null || value.isBlank()) {
                return FormValidation.ok();
            }
            return FormValidations.of(BinaryBudget.check(value));
        }
    }
}
