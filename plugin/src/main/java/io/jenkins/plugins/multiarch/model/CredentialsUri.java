package io.jenkins.plugins.multiarch.model;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.engine.reference.DockerHub;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;

/** The URI credentials must fit for an image as typed into a form, before the step resolves it for real. */
public final class CredentialsUri {

    private CredentialsUri() {
    }

    /** {@code https://registry.example.com} for an image on it; null when the field names no usable image yet. */
    public static String forImage(String image) {
        String text = Texts.trimToNull(image);
        if (text == null || (!ImageTarget.namesRegistry(text) && text.contains("$"))) {
            return null; // nothing yet, or an expression only the build can expand
        }
        try {
            String registry = ImageReference.parse(text).registry();
            return DockerHub.isDockerHub(registry) ? DockerHub.CONFIG_KEY : "https://" + registry;
        } catch (InvalidInputException e) {
            return null;
        }
    }
}
