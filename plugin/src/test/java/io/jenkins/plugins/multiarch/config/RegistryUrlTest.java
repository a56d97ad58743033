package io.jenkins.plugins.multiarch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryUrlTest {

    @ParameterizedTest
    @NullAndEmptySource
    void emptyMeansDockerHub(String text) {
        FieldValidation validation = RegistryUrl.check(text);
        assertEquals(FieldValidation.Kind.OK, validation.kind());
        assertTrue(validation.message().contains("Docker Hub"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://registry.example.com", "https://registry.example.com:5000/", "HTTPS://Quay.io",
        "https://index.docker.io/v1/"})
    void acceptsHttpsUrls(String text) {
        assertEquals(FieldValidation.ok(), RegistryUrl.check(text));
    }

    @Test
    void warnsOfPlainHttp() {
        FieldValidation validation = RegistryUrl.check("http://localhost:5000");
        assertEquals(FieldValidation.Kind.WARNING, validation.kind());
        assertTrue(validation.message().contains("localhost"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"registry.example.com", "registry.example.com:5000", "ftp://registry.example.com",
        "https://", "https://exa mple.com"})
    void refusesWhatIsNoRegistryUrl(String text) {
        FieldValidation validation = RegistryUrl.check(text);
        assertEquals(FieldValidation.Kind.ERROR, validation.kind());
        assertTrue(validation.message().startsWith(text + " is not a registry URL"), validation.message());
    }

    @Test
    void refusesALoginInTheUrl() {
        FieldValidation validation = RegistryUrl.check("https://ci:s3cret@registry.example.com");
        assertEquals(FieldValidation.Kind.ERROR, validation.kind());
        assertTrue(validation.message().contains("credentials"));
        assertTrue(!validation.message().contains("s3cret"));
    }
}
