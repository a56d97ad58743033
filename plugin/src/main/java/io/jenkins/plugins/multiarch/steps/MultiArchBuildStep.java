package io.jenkins.plugins.multiarch.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Computer;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.multiarch.actions.MultiArchBuildAction;
import io.jenkins.plugins.multiarch.model.BuildArguments;
import io.jenkins.plugins.multiarch.model.StepFieldChecks;
import io.jenkins.plugins.multiarch.model.StepMaps;
import java.util.LinkedHashMap;
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
 * {@code multiArchBuild}: builds one platform's image on the current agent with the engine's builder adapters,
 * pushes it by digest, records it on the run ({@link MultiArchBuildAction}) and returns the digest. Every argument is
 * optional; each has an environment default (see docs/jenkins.md).
 */
public class MultiArchBuildStep extends Step {

    static final String FUNCTION = "multiArchBuild";

    private String image;
    private String platform;
    private String credentialsId;
    private DockerRegistryEndpoint registry;
    private String builder;
    private String file;
    private String context;
    private Map<String, String> buildArgs = new LinkedHashMap<>();
    private String target;
    private String tagTemplate;
    private boolean insecure;
    private Map<String, String> labels = new LinkedHashMap<>();
    private Map<String, String> annotations = new LinkedHashMap<>();

    @DataBoundConstructor
    public MultiArchBuildStep() {
    }

    public @CheckForNull String getImage() {
        return image;
    }

    /** {@code registry.example.com/team/app} (a tag, if any, is what {@code {version}} of a tag template means). */
    @DataBoundSetter
    public void setImage(@CheckForNull String image) {
        this.image = blankToNull(image);
    }

    public @CheckForNull String getPlatform() {
        return platform;
    }

    @DataBoundSetter
    public void setPlatform(@CheckForNull String platform) {
        this.platform = blankToNull(platform);
    }

    public @CheckForNull String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(@CheckForNull String credentialsId) {
        this.credentialsId = blankToNull(credentialsId);
    }

    public @CheckForNull DockerRegistryEndpoint getRegistry() {
        return registry;
    }

    @DataBoundSetter
    public void setRegistry(@CheckForNull DockerRegistryEndpoint registry) {
        this.registry = registry == null || (registry.getUrl() == null && registry.getCredentialsId() == null)
                ? null : registry;
    }

    public @CheckForNull String getBuilder() {
        return builder;
    }

    @DataBoundSetter
    public void setBuilder(@CheckForNull String builder) {
        this.builder = blankToNull(builder);
    }

    public @CheckForNull String getFile() {
        return file;
    }

    @DataBoundSetter
    public void setFile(@CheckForNull String file) {
        this.file = blankToNull(file);
    }

    public @CheckForNull String getContext() {
        return context;
    }

    @DataBoundSetter
    public void setContext(@CheckForNull String context) {
        this.context = blankToNull(context);
    }

    public Map<String, String> getBuildArgs() {
        return buildArgs;
    }

    @DataBoundSetter
    public void setBuildArgs(@CheckForNull Map<String, String> buildArgs) {
        this.buildArgs = new LinkedHashMap<>(StepMaps.copy(buildArgs, "buildArgs"));
    }

    public @CheckForNull String getTarget() {
        return target;
    }

    @DataBoundSetter
    public void setTarget(@CheckForNull String target) {
        this.target = blankToNull(target);
    }

    public @CheckForNull String getTagTemplate() {
        return tagTemplate;
    }

    @DataBoundSetter
    public void setTagTemplate(@CheckForNull String tagTemplate) {
        this.tagTemplate = blankToNull(tagTemplate);
    }

    public boolean isInsecure() {
        return insecure;
    }

    @DataBoundSetter
    public void setInsecure(boolean insecure) {
        this.insecure = insecure;
    }

    public Map<String, String> getLabels() {
        return labels;
    }

    @DataBoundSetter
    public void setLabels(@CheckForNull Map<String, String> labels) {
        this.labels = new LinkedHashMap<>(StepMaps.copy(labels, "labels"));
    }

    public Map<String, String> getAnnotations() {
        return annotations;
    }

    @DataBoundSetter
    public void setAnnotations(@CheckForNull Map<String, String> annotations) {
        this.annotations = new LinkedHashMap<>(StepMaps.copy(annotations, "annotations"));
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    BuildArguments arguments() {
        return new BuildArguments().image(image).platform(platform).credentialsId(credentialsId)
                .registry(RegistryChoices.of(registry)).builder(builder).file(file).context(context)
                .buildArgs(buildArgs).target(target).tagTemplate(tagTemplate).insecure(insecure).labels(labels)
                .annotations(annotations);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(this, context);
    }

    /**
     * Runs the build in a thread of its own, waiting for the agent. A controller restart while it runs fails the step
     * (a synchronous execution cannot be resumed; the build's processes on the agent are stopped by then): run the
     * build again.
     */
    static final class Execution extends SynchronousNonBlockingStepExecution<String> {

        private static final long serialVersionUID = 1L;

        // not needed after a restart, which fails the step: nothing of the step is kept in program.dat
        private final transient MultiArchBuildStep step;

        Execution(MultiArchBuildStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected String run() throws Exception {
            StepContext context = getContext();
            return PlatformImageBuild.run(FUNCTION, step.arguments(), context.get(Run.class), context.get(FilePath.class),
                    context.get(EnvVars.class), context.get(Computer.class), context.get(TaskListener.class)).getDigest();
        }

        @Override
        public void onResume() {
            getContext().onFailure(new AbortException(Messages.MultiArchBuildStep_Resumed(FUNCTION)));
        }
    }

    @Extension
    @Symbol(FUNCTION)
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class, EnvVars.class, Computer.class);
        }

        @Override
        public String getFunctionName() {
            return FUNCTION;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.MultiArchBuildStep_DisplayName();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String image,
                                                     @QueryParameter String credentialsId) {
            return CredentialsItems.of(item, image, credentialsId);
        }

        @POST
        public ListBoxModel doFillBuilderItems(@AncestorInPath Item item) {
            return BuilderItems.of(item);
        }

        @POST
        public FormValidation doCheckImage(@AncestorInPath Item item, @QueryParameter String value) {
            return ItemPermission.check(item, () -> StepFieldChecks.image(value));
        }

        @POST
        public FormValidation doCheckPlatform(@AncestorInPath Item item, @QueryParameter String value) {
            return ItemPermission.check(item, () -> StepFieldChecks.platform(value));
        }

        @POST
        public FormValidation doCheckTagTemplate(@AncestorInPath Item item, @QueryParameter String value) {
            return ItemPermission.check(item, () -> StepFieldChecks.tagTemplate(value));
        }
    }
}
