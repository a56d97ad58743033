package io.jenkins.plugins.multiarch.config;

/**
 * The verdict on one form field, free of Jenkins types so that the rules can be unit-tested without Jenkins;
 * {@link FormValidations} turns it into a {@code FormValidation}. Messages are plain text (Jenkins escapes them).
 *
 * @param message null for a plain OK
 */
public record FieldValidation(Kind kind, String message) {

    /** As in {@code FormValidation.Kind}. */
    public enum Kind {
        OK,
        WARNING,
        ERROR
    }

    private static final FieldValidation OK = new FieldValidation(Kind.OK, null);

    public static FieldValidation ok() {
        return OK;
    }

    public static FieldValidation ok(String message) {
        return new FieldValidation(Kind.OK, message);
    }

    public static FieldValidation warning(String message) {
        return new FieldValidation(Kind.WARNING, message);
    }

    public static FieldValidation error(String message) {
        return new FieldValidation(Kind.ERROR, message);
    }
}
