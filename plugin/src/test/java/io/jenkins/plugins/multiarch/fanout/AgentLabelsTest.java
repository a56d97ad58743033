package io.jenkins.plugins.multiarch.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.multiarch.engine.platform.Platform;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentLabelsTest {

    private static final Platform ARM_V7 = Platform.LINUX_ARM_V7;
    private static final Map<String, String> GLOBAL = rows("aarch64", "global-arm64", "linux/arm/v7", "global-armv7");

    @Test
    void thePerPlatformMapWinsOverTheTemplate() {
        AgentLabels labels = AgentLabels.of(Map.of(Platform.LINUX_ARM64, "big-arm"),
                LabelTemplate.parse("docker && {arch}", "agentLabel"), GLOBAL);
        assertEquals("big-arm", labels.labelFor(Platform.LINUX_ARM64));
        assertEquals("docker && arm", labels.labelFor(ARM_V7));
    }

    @Test
    void theGlobalMapAppliesOnlyWhenTheStepSaysNothingAboutLabels() {
        AgentLabels none = AgentLabels.of(Map.of(), null, GLOBAL);
        assertEquals("global-arm64", none.labelFor(Platform.LINUX_ARM64)); // the row's alias is normalized
        assertEquals("global-armv7", none.labelFor(ARM_V7));
        assertEquals("amd64", none.labelFor(Platform.LINUX_AMD64)); // no row: the architecture

        AgentLabels template = AgentLabels.of(Map.of(), LabelTemplate.parse("k8s-{arch}", "agentLabel"), GLOBAL);
        assertEquals("k8s-arm64", template.labelFor(Platform.LINUX_ARM64));

        AgentLabels partialMap = AgentLabels.of(Map.of(Platform.LINUX_AMD64, "x86"), null, GLOBAL);
        assertEquals("x86", partialMap.labelFor(Platform.LINUX_AMD64));
        assertEquals("arm64", partialMap.labelFor(Platform.LINUX_ARM64));
    }

    @Test
    void globalRowsThatDoNotParseOrHaveNoLabelAreLeftOutAndTheFirstOfTwoRowsWins() {
        Map<String, String> rows = rows("linux/sparc", "sparc", "linux/arm64", " ", "arm64", "first", "aarch64", "second");
        AgentLabels labels = AgentLabels.of(Map.of(), null, rows);
        assertEquals("first", labels.labelFor(Platform.LINUX_ARM64));
    }

    @Test
    void withNothingConfiguredTheLabelIsTheArchitecture() {
        AgentLabels labels = AgentLabels.of(Map.of(), null, Map.of());
        assertEquals("arm", labels.labelFor(ARM_V7));
        assertEquals("amd64", labels.labelFor(Platform.LINUX_AMD64));
    }

    private static Map<String, String> rows(String... platformThenLabel) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (int i = 0; i < platformThenLabel.length; i += 2) {
            rows.put(platformThenLabel[i], platformThenLabel[i + 1]);
        }
        return rows;
    }
}
