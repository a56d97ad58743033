package io.jenkins.plugins.multiarch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuilderChoiceTest {

    @Test
    void namesTheToolsAsTheCliDoes() {
        assertEquals("auto, buildah, podman, docker, buildx, kaniko", BuilderChoice.ids());
    }

    @Test
    void findsAChoiceWhateverTheCaseAndBlanks() {
        assertEquals(Optional.of(BuilderChoice.BUILDAH), BuilderChoice.fromId(" Buildah "));
        assertEquals(Optional.of(BuilderChoice.AUTO), BuilderChoice.fromId("auto"));
    }

    @Test
    void findsNoneForAnUnknownName() {
        assertEquals(Optional.empty(), BuilderChoice.fromId("docker-buildx"));
        assertEquals(Optional.empty(), BuilderChoice.fromId(""));
        assertEquals(Optional.empty(), BuilderChoice.fromId(null));
    }

    @Test
    void showsWhatAutoMeans() {
        assertTrue(BuilderChoice.AUTO.displayName().contains("buildah, podman and docker buildx"));
        assertEquals("kaniko", BuilderChoice.KANIKO.displayName());
    }
}
