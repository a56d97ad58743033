package io.jenkins.plugins.multiarch.config;

import hudson.util.FormValidation;

/** {@link FieldValidation} to {@link FormValidation}. */
public final class FormValidations {

    private FormValidations() {
    }

    public static FormValidation of(FieldValidation validation) {
        String message = validation.message();
        return switch (validation.kind()) {
            case OK -> message == null ? FormValidation.ok() : FormValidation.ok(message);
            case WARNING -> FormValidation.warning(message);
            case ERROR -> FormValidation.error(message);
        };
    }
}
