package io.jenkins.plugins.multiarch.model;

import io.jenkins.plugins.multiarch.config.FieldValidation;
import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.engine.imagebuild.TagTemplate;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;

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
}
