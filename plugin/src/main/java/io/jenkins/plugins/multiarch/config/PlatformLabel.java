package io.jenkins.plugins.multiarch.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import java.util.Objects;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One row of the platform to agent label map: images for {@link #getPlatform() platform} are built on agents
 * matching {@link #getLabel() label}. A Describable so that the form shows rows and JCasC reads
 * {@code platformLabels: [{platform: linux/arm64, label: arm64}]}. Values are kept as typed (trimmed); the form
 * checks them, and whoever uses the map parses the platform.
 */
public final class PlatformLabel implements Describable<PlatformLabel> {

    private final String platform;
    private final String label;

    @DataBoundConstructor
    public PlatformLabel(String platform, String label) {
        this.platform = trimmed(platform);
        this.label = trimmed(label);
    }

    public String getPlatform() {
        return platform;
    }

    public String getLabel() {
        return label;
    }

    private static String trimmed(String text) {
        return text == null ? "" : text.trim();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlatformLabel other && platform.equals(other.platform) && label.equals(other.label);
    }

    @Override
    public int hashCode() {
        return Objects.hash(platform, label);
    }

    @Override
    public String toString() {
        return platform + "=" + label;
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<PlatformLabel> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.PlatformLabel_DisplayName();
        }

        @POST
        public FormValidation doCheckPlatform(@QueryParameter String value) {
            if (!AdministerPermission.isGranted()) {
                return FormValidation.ok();
            }
            return FormValidations.of(PlatformLabelValidation.checkPlatform(value));
        }

        @POST
        public FormValidation doCheckLabel(@QueryParameter String value) {
            if (!AdministerPermission.isGranted()) {
                return FormValidation.ok();
            }
            return FormValidations.of(PlatformLabelValidation.checkLabel(value));
        }
    }
}
