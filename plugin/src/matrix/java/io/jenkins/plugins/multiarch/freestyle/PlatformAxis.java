package io.jenkins.plugins.multiarch.freestyle;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.matrix.LabelExpAxis;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.steps.ItemPermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.variant.OptionalExtension;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A multi-configuration axis of image platforms, written without slashes ({@code amd64}, {@code arm64},
 * {@code arm-v7}; see {@link AxisPlatform}). It is a label axis too: each cell runs on an agent carrying the value as
 * a label (add a label expression axis with one value, such as {@code docker}, to require more), and its build
 * variables set {@code TARGETPLATFORM}, {@code TARGETOS}, {@code TARGETARCH} and {@code TARGETVARIANT}, which the
 * build step reads when its platform field is empty.
 */
public final class PlatformAxis extends LabelExpAxis {

    @DataBoundConstructor
    public PlatformAxis(String name, String valuesString) {
        super(name, checked(LabelExpAxis.getExprValues(valuesString)));
    }

    private static List<String> checked(List<String> values) {
        List<String> normal = new ArrayList<>();
        for (String value : values) {
            normal.add(AxisPlatform.valueOf(AxisPlatform.parse(value)));
        }
        return normal;
    }

    @Override
    public void addBuildVariable(String value, Map<String, String> map) {
        super.addBuildVariable(value, map);
        Platform platform = AxisPlatform.parse(value);
        map.put("TARGETPLATFORM", platform.toString());
        map.put("TARGETOS", platform.os());
        map.put("TARGETARCH", platform.architecture());
        map.put("TARGETVARIANT", platform.variant() == null ? "" : platform.variant());
    }

    // LabelExpAxis casts its descriptor to its own DescriptorImpl: ours extends it and says so
    @Override
    public DescriptorImpl getDescriptor() {
        return (DescriptorImpl) super.getDescriptor();
    }

    @OptionalExtension(requirePlugins = "matrix-project")
    public static final class DescriptorImpl extends LabelExpAxis.DescriptorImpl {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.PlatformAxis_DisplayName();
        }

        @POST
        public FormValidation doCheckValuesString(@AncestorInPath Item item, @QueryParameter String value) {
            if (!ItemPermission.mayConfigure(item)) {
                return FormValidation.ok();
            }
            List<String> meanings = new ArrayList<>();
            try {
                for (String v : LabelExpAxis.getExprValues(value == null ? "" : value)) {
                    meanings.add(Messages.PlatformAxis_Means(v, AxisPlatform.parse(v)));
                }
            } catch (InvalidInputException e) {
                return FormValidation.error(e.getMessage());
            }
            return FormValidation.ok(String.join(", ", meanings));
        }
    }
}
