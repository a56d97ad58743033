package io.jenkins.plugins.multiarch.freestyle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceTemplateTest {

    @Test
    void theTemplateIsRenderedPerPlatformInTheImagesRepository() {
        Map<String, String> sources = SourceTemplate.sources("registry.example.com/team/app:1.4.2", "{arch}{variant}-{version}",
                "1.4.2", List.of("linux/amd64", "arm64", "arm-v7"));
        assertEquals(List.of("linux/amd64", "linux/arm64", "linux/arm/v7"), List.copyOf(sources.keySet()));
        assertEquals("registry.example.com/team/app:amd64-1.4.2", sources.get("linux/amd64"));
        assertEquals("registry.example.com/team/app:arm64-1.4.2", sources.get("linux/arm64"));
        assertEquals("registry.example.com/team/app:armv7-1.4.2", sources.get("linux/arm/v7"));
    }

    @Test
    void noPlatformsOrABadTemplateIsRefused() {
        assertThrows(InvalidInputException.class,
                () -> SourceTemplate.sources("registry.example.com/team/app", "{arch}", null, List.of()));
        assertThrows(InvalidInputException.class,
                () -> SourceTemplate.sources("registry.example.com/team/app", "{cpu}", null, List.of("amd64")));
    }
}
