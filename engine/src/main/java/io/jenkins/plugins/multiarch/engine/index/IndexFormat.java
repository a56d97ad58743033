package io.jenkins.plugins.multiarch.engine.index;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;

import java.util.Locale;

/** Which kind of index to publish. */
public enum IndexFormat {
    /** An OCI image index: the standard, and what every current client reads. */
    OCI,
    /** A Docker manifest list, for old clients; its children must be Docker v2 schema 2 manifests. */
    DOCKER,
    /** A Docker manifest list when every child is a Docker manifest and there are no annotations, else an OCI index. */
    AUTO;

    public static IndexFormat parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) { // valueOf's own
            throw new InvalidInputException("invalid index format '" + text + "': valid formats are oci, docker, auto");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
