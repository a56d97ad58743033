package io.jenkins.plugins.multiarch.testkit;

/** Just enough YAML to write registry configs. */
final class Yaml {

    private Yaml() {
    }

    /** A single-quoted YAML scalar, so paths and URLs are taken literally. */
    static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
