package io.jenkins.plugins.multiarch.engine.error;

import java.util.List;

/** A manifest, tag, blob or repository that the registry does not have (404, {@code *_UNKNOWN} codes). */
public final class NotFoundException extends RegistryException {

    private static final long serialVersionUID = 1L;

    private NotFoundException(Builder<?> builder) {
        super(builder);
    }

    public static NotFoundException of(String registry, String message, List<RegistryError> errors) {
        return new NotFoundException(builder(registry, message).status(404).errors(errors));
    }
}
