package io.jenkins.plugins.multiarch.model;

/** Small string helpers for step arguments, which arrive blank from empty form fields. */
final class Texts {

    private Texts() {
    }

    static String trimToNull(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
