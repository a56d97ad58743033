package io.jenkins.plugins.multiarch.steps;

import io.jenkins.plugins.multiarch.model.RegistryChoice;
import org.jenkinsci.plugins.docker.commons.credentials.DockerRegistryEndpoint;

/** docker-commons' endpoint as the model's plain pair. */
final class RegistryChoices {

    private RegistryChoices() {
    }

    static RegistryChoice of(DockerRegistryEndpoint endpoint) {
        return endpoint == null ? RegistryChoice.NONE : new RegistryChoice(endpoint.getUrl(), endpoint.getCredentialsId());
    }
}
