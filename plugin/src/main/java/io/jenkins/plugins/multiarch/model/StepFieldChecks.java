package io.jenkins.plugins.multiarch.model;

import io.jenkins.plugins.multiarch.config.FieldValidation;
import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.engine.imagebuild.TagTemplate;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import java.util.List;
import java.util.Map;

/** The snippet generator's checks of the steps' text fields; an empty field takes its default, which is said. */
public final class StepFieldChecks {

    private StepFieldChecks() {
    }

    public static FieldValidation image(String value) {
        String text = Texts.trimToNull(value);
        if (text == null) {
            return FieldValidation.ok(Messages.StepFieldChecks_ImageDefault(StepEnvironment.IMAGE));
        }
        if (text.contains("$")) {
            return FieldValidation.ok(); // expanded by Groovy at run time
        }
        try {
            ImageReference.parse(text);
            return FieldValidation.ok();
        } catch (InvalidInputException e) {
            return FieldValidation.error(e.getMessage());
        }
    }

    public static FieldValidation platform(String value) {
        String text = Texts.trimToNull(value);
        if (text == null) {
            return FieldValidation.ok(Messages.StepFieldChecks_PlatformDefault(StepEnvironment.TARGET_PLATFORM));
        }
        try {
            Platform platform = Platform.parse(text);
            return platform.toString().equals(text) ? FieldValidation.ok()
                    : FieldValidation.ok(Messages.StepFieldChecks_PlatformMeans(platform));
        } catch (InvalidInputException e) {
            return FieldValidation.error(e.getMessage());
        }
    }

    public static FieldValidation tagTemplate(String value) {
        String text = Texts.trimToNull(value);
        if (text == null) {
            return FieldValidation.ok(Messages.StepFieldChecks_TagTemplateDefault());
        }
        try {
            TagTemplate.parse(text);
            return FieldValidation.ok();
        } catch (InvalidInputException e) {
            return FieldValidation.error(e.getMessage());
        }
    }

    /** A registry host for {@code registryCredentials}: {@code host[:port]}. */
    public static FieldValidation registryHost(String value) {
        String text = Texts.trimToNull(value);
        if (text == null) {
            return FieldValidation.error(Messages.StepFieldChecks_RegistryRequired());
        }
        try {
            PublishSpec.registryHost(text);
            return FieldValidation.ok();
        } catch (InvalidInputException e) {
            return FieldValidation.error(e.getMessage());
        }
    }

    /**
     * Further targets as a form field has them (separated by spaces, commas or lines): each {@code REGISTRY/REPO[:TAG]},
     * repositories once, none the image's own.
     */
    public static FieldValidation alsoTo(String image, List<String> targets) {
        if (targets.isEmpty()) {
            return FieldValidation.ok();
        }
        if (targets.stream().anyMatch(t -> t.contains("$"))) {
            return FieldValidation.ok(); // expanded from the build's environment at run time
        }
        String own = Texts.trimToNull(image);
        try {
            PublishSpec.resolve(new PublishArguments().image(own == null || own.contains("$") ? null : own)
                            .tags(List.of("check")).alsoTo(targets),
                    Map.of(StepEnvironment.IMAGE, "registry.invalid/form/check"), RegistryChoice.NONE, false, null,
                    false);
            return FieldValidation.ok();
        } catch (InvalidInputException e) {
            return FieldValidation.error(e.getMessage());
        }
    }
}
