package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.platform.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TagTemplateTest {

    @ParameterizedTest
    @CsvSource({
            "{arch}-{version},           linux/arm/v7, 1.0,    arm-1.0",
            "{os}-{arch}{variant}-{version}, linux/arm/v7, 1.0, linux-armv7-1.0",
            "{os}-{arch}{variant}-{version}, linux/amd64,  1.0, linux-amd64-1.0",
            "{version}-{platform},       linux/arm/v7, 2.3.4,  2.3.4-linux-arm-v7",
            "{platform},                 linux/arm64,  latest, linux-arm64",
            "build_{arch}.{variant},     linux/arm/v6, x,      build_arm.v6",
    })
    void rendersPlaceholders(String template, String platform, String version, String expected) {
        assertThat(TagTemplate.parse(template).render(Platform.parse(platform), version)).isEqualTo(expected);
    }

    @Test
    void unknownPlaceholderIsNamedWithTheValidOnes() {
        assertThatThrownBy(() -> TagTemplate.parse("{arch}-{tag}"))
                .isInstanceOf(InvalidBuildRequestException.class)
                .hasMessage("invalid tag template '{arch}-{tag}': unknown placeholder {tag}; valid placeholders:"
                        + " {os}, {arch}, {variant}, {version}, {platform}");
    }

    @Test
    void unbalancedBracesAreErrors() {
        assertThatThrownBy(() -> TagTemplate.parse("{arch-1"))
                .hasMessage("invalid tag template '{arch-1': '{' at position 1 is never closed");
        assertThatThrownBy(() -> TagTemplate.parse("arch}-1"))
                .hasMessage("invalid tag template 'arch}-1': '}' at position 5 closes no placeholder");
    }

    @Test
    void literalTextMustBeTagCharacters() {
        assertThatThrownBy(() -> TagTemplate.parse("{arch}:{version}"))
                .hasMessage("invalid tag template '{arch}:{version}': ':' cannot be part of a tag;"
                        + " tags use letters, digits, '_', '.', '-'");
        assertThatThrownBy(() -> TagTemplate.parse("  ")).hasMessageContaining("it is empty");
    }

    @Test
    void aRenderedTagThatIsNotValidIsAnError() {
        TagTemplate template = TagTemplate.parse("{variant}-{version}");

        assertThatThrownBy(() -> template.render(Platform.LINUX_AMD64, "1.0"))
                .isInstanceOf(InvalidBuildRequestException.class)
                .hasMessageStartingWith("tag template '{variant}-{version}' gives '-1.0' for linux/amd64 and version"
                        + " '1.0', which is not a valid tag");
        assertThatThrownBy(() -> TagTemplate.parse("{arch}-{version}").render(Platform.LINUX_AMD64, "v".repeat(125)))
                .hasMessageContaining("not a valid tag");
    }
}
