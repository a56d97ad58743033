package io.jenkins.plugins.multiarch.engine.registry;

/** A manifest, tag, blob or repository that the registry does not have. */
public final class NotFoundException extends RegistryException {
    public NotFoundException(String message) {
        super(message, 404);
    }
}
