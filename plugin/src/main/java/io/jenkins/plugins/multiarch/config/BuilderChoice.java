package io.jenkins.plugins.multiarch.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The tools an image can be built with, as the CLI's {@code --builder} names them, and {@code auto}. */
public enum BuilderChoice {
    AUTO("auto"),
    BUILDAH("buildah"),
    PODMAN("podman"),
    DOCKER("docker"),
    BUILDX("buildx"),
    KANIKO("kaniko");

    private final String id;

    BuilderChoice(String id) {
        this.id = id;
    }

    /** What the configuration stores and JCasC reads, e.g. {@code buildah}. */
    public String id() {
        return id;
    }

    /** What the drop-down shows. */
    public String displayName() {
        return switch (this) {
            case AUTO -> Messages.BuilderChoice_auto();
            case BUILDX -> Messages.BuilderChoice_buildx();
            default -> id;
        };
    }

    /** The choice with this id, ignoring case and surrounding blanks; empty for an unknown one. */
    public static Optional<BuilderChoice> fromId(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(choice -> choice.id.equals(wanted)).findFirst();
    }

    /** {@code auto, buildah, ...} for messages. */
    public static String ids() {
        return Arrays.stream(values()).map(BuilderChoice::id).collect(Collectors.joining(", "));
    }
}
