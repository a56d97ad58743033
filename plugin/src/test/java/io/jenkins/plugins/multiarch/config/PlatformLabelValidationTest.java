package io.jenkins.plugins.multiarch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformLabelValidationTest {

    @ParameterizedTest
    @ValueSource(strings = {"linux/amd64", "linux/arm64", "linux/arm/v7", "windows/amd64"})
    void acceptsNormalPlatforms(String text) {
        assertEquals(FieldValidation.ok(), PlatformLabelValidation.checkPlatform(text));
    }

    @Test
    void acceptsAnAliasAndShowsItsNormalForm() {
        assertEquals(FieldValidation.ok("Means linux/arm64"), PlatformLabelValidation.checkPlatform("aarch64"));
        assertEquals(FieldValidation.ok("Means linux/arm/v7"), PlatformLabelValidation.checkPlatform("linux/armhf"));
    }

    @Test
    void refusesAnUnknownPlatformWithTheEnginesReason() {
        FieldValidation validation = PlatformLabelValidation.checkPlatform("linux/sparc");
        assertEquals(FieldValidation.Kind.ERROR, validation.kind());
        assertTrue(validation.message().contains("unknown architecture 'sparc'"), validation.message());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void requiresAPlatformAndALabel(String text) {
        assertEquals(FieldValidation.Kind.ERROR, PlatformLabelValidation.checkPlatform(text).kind());
        assertEquals(FieldValidation.Kind.ERROR, PlatformLabelValidation.checkLabel(text).kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"arm64", "linux && arm64", "docker-arm64 || arm64-big"})
    void acceptsAnyLabelExpression(String text) {
        assertEquals(FieldValidation.ok(), PlatformLabelValidation.checkLabel(text));
    }
}
