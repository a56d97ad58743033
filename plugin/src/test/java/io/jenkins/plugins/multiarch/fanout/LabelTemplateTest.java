package io.jenkins.plugins.multiarch.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.multiarch.engine.platform.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabelTemplateTest {

    private static final Platform ARM_V7 = Platform.parse("linux/arm/v7");

    @Test
    void fillsEveryPlaceholder() {
        LabelTemplate template = LabelTemplate.parse("docker && {os}-{arch}-{variant} || {platform}", "agentLabel");
        assertEquals("docker && linux-arm-v7 || linux/arm/v7", template.expand(ARM_V7));
    }

    @Test
    void aPlatformWithoutVariantFillsItEmpty() {
        assertEquals("arm64-", LabelTemplate.parse("{arch}-{variant}", "agentLabel").expand(Platform.LINUX_ARM64));
    }

    @Test
    void withoutPlaceholdersEveryPlatformGetsTheSameLabel() {
        assertEquals("docker", LabelTemplate.parse(" docker ", "agentLabel").expand(ARM_V7));
    }

    @Test
    void refusesAnUnknownPlaceholderNamingItAndTheValidOnes() {
        FanOutArgumentException e = assertThrows(FanOutArgumentException.class,
                () -> LabelTemplate.parse("docker && {ach}", "agentLabel"));
        assertEquals("agentLabel docker && {ach} uses the unknown placeholder {ach}; the placeholders are "
                + "{os} {arch} {variant} {platform}", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker && {arch", "arch}", "{{arch}}", "}{arch}"})
    void refusesUnmatchedBraces(String template) {
        FanOutArgumentException e = assertThrows(FanOutArgumentException.class,
                () -> LabelTemplate.parse(template, "agentLabel"));
        assertTrue(e.getMessage().contains("unmatched brace"), e.getMessage());
        assertTrue(e.getMessage().contains("{arch}"), e.getMessage());
    }

    @Test
    void refusesAnEmptyTemplate() {
        FanOutArgumentException e = assertThrows(FanOutArgumentException.class, () -> LabelTemplate.parse(" ", "agentLabel"));
        assertEquals("agentLabel is empty: give an agent label expression, e.g. docker && {arch}", e.getMessage());
    }
}
