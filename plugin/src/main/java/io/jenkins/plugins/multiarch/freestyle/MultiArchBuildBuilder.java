package io.jenkins.plugins.multiarch.freestyle;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.model.BuildArguments;
import io.jenkins.plugins.multiarch.model.StepFieldChecks;
import io.jenkins.plugins.multiarch.steps.BuilderItems;
import io.jenkins.plugins.multiarch.steps.CredentialsItems;
import io.jenkins.plugins.multiarch.steps.ItemPermission;
import io.jenkins.plugins.multiarch.steps.PlatformImageBuild;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * "Build and push a platform image": the freestyle form of {@code multiArchBuild}, run on the build's agent. The
 * platform is the field, else {@code TARGETPLATFORM} (a {@link PlatformAxis} cell sets it), else the agent's own.
 * The map arguments are {@code NAME=VALUE} lines; {@code ${VAR}} in the text fields is expanded from the build.
 */
public final class MultiArchBuildBuilder extends Builder implements SimpleBuildStep {

    static final String FUNCTION = "multi-arch build";

    private final String image;
    private String platform;
    private String credentialsId;
    private String builder;
    private String file;
    private String context;
    private String buildArgs;
    private String target;
    private String tagTemplate;
    private String labels;
    private String annotations;
    private boolean insecure;

    @DataBoundConstructor
    public MultiArchBuildBuilder(String image) {
        this.image = trimToNull(image);
    }

    public String getImage() {
        return image;
    }

    public @CheckForNull String getPlatform() {
        return platform;
    }

    @DataBoundSetter
    public void setPlatform(String platform) {
        this.platform = trimToNull(platform);
    }

    public @CheckForNull String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = trimToNull(credentialsId);
    }

    public @CheckForNull String getBuilder() {
        return builder;
    }

    @DataBoundSetter
    public void setBuilder(String builder) {
        this.builder = trimToNull(builder);
    }

    public @CheckForNull String getFile() {
        return file;
    }

    @DataBoundSetter
    public void setFile(String file) {
        this.file = trimToNull(file);
    }

    public @CheckForNull String getContext() {
        return context;
    }

    @DataBoundSetter
    public void setContext(String context) {
        this.context = trimToNull(context);
    }

    public @CheckForNull String getBuildArgs() {
        return buildArgs;
    }

    @DataBoundSetter
    public void setBuildArgs(String buildArgs) {
        this.buildArgs = trimToNull(buildArgs);
    }

    public @CheckForNull String getTarget() {
        return target;
    }

    @DataBoundSetter
    public void setTarget(String target) {
        this.target = trimToNull(target);
    }

    public @CheckForNull String getTagTemplate() {
        return tagTemplate;
    }

    @DataBoundSetter
    public void setTagTemplate(String tagTemplate) {
        this.tagTemplate = trimToNull(tagTemplate);
    }

    public @CheckForNull String getLabels() {
        return labels;
    }

    @DataBoundSetter
    public void setLabels(String labels) {
        this.labels = trimToNull(labels);
    }

    public @CheckForNull String getAnnotations() {
        return annotations;
    }

    @DataBoundSetter
    public void setAnnotations(String annotations) {
        this.annotations = trimToNull(annotations);
    }

    public boolean isInsecure() {
        return insecure;
    }

    @DataBoundSetter
    public void setInsecure(boolean insecure) {
        this.insecure = insecure;
    }

    /** The step's arguments, with {@code ${VAR}} expanded from the build's environment. */
    BuildArguments arguments(EnvVars env) {
        return new BuildArguments().image(env.expand(image)).platform(env.expand(platform))
                .credentialsId(credentialsId).builder(builder).file(env.expand(file)).context(env.expand(context))
                .buildArgs(TextArguments.pairs("buildArgs", env.expand(buildArgs))).target(target)
                .tagTemplate(tagTemplate).insecure(insecure)
                .labels(TextArguments.pairs("labels", env.expand(labels)))
                .annotations(TextArguments.pairs("annotations", env.expand(annotations)));
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env,
                        @NonNull Launcher launcher, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        BuildArguments arguments;
        try {
            arguments = arguments(env);
        } catch (InvalidInputException e) {
            throw new AbortException(FUNCTION + ": " + e.getMessage());
        }
        PlatformImageBuild.run(FUNCTION, arguments, run, workspace, env, workspace.toComputer(), listener);
    }

    static String trimToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    @Extension
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.MultiArchBuildBuilder_DisplayName();
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
    }
}
