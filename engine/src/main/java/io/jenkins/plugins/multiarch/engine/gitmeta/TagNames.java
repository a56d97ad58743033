package io.jenkins.plugins.multiarch.engine.gitmeta;

import java.util.Optional;

/** Text made into an OCI tag: {@code [A-Za-z0-9_][A-Za-z0-9._-]{0,127}}. */
final class TagNames {

    static final int MAX_LENGTH = 128;

    private TagNames() {
    }

    /**
     * Every character outside the grammar becomes {@code -} ({@code feature/login} → {@code feature-login}), leading
     * {@code .} and {@code -} are dropped, and the result is cut at 128 characters; empty when nothing is left.
     */
    static Optional<String> sanitize(String text) {
        String replaced = text.replaceAll("[^A-Za-z0-9._-]", "-").replaceFirst("^[.-]+", "");
        if (replaced.length() > MAX_LENGTH) {
            replaced = replaced.substring(0, MAX_LENGTH);
        }
        return replaced.isEmpty() ? Optional.empty() : Optional.of(replaced);
    }
}
