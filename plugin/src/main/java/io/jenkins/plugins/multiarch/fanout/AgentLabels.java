package io.jenkins.plugins.multiarch.fanout;

import io.jenkins.plugins.multiarch.engine.platform.InvalidPlatformException;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which agent label builds which platform. In order: the step's {@code agentLabels} entry for the platform, the
 * step's {@code agentLabel} template, the global configuration's platform → label rows (only when the step gives
 * neither {@code agentLabels} nor {@code agentLabel}: a step that says anything about labels says all), and last
 * the platform's architecture ({@code {arch}}), the label the documentation suggests giving agents.
 */
public final class AgentLabels {

    private final Map<Platform, String> perPlatform;
    private final LabelTemplate template;
    private final Map<Platform, String> globalDefaults;

    private AgentLabels(Map<Platform, String> perPlatform, LabelTemplate template, Map<Platform, String> globalDefaults) {
        this.perPlatform = perPlatform;
        this.template = template;
        this.globalDefaults = globalDefaults;
    }

    /**
     * @param perPlatform the step's {@code agentLabels}, empty for none
     * @param template the step's {@code agentLabel}, null for none
     * @param globalRows the global configuration's rows, platform text → label; a row whose platform does not parse
     *     or whose label is blank is left out (the configuration form flags it)
     */
    public static AgentLabels of(Map<Platform, String> perPlatform, LabelTemplate template, Map<String, String> globalRows) {
        Map<Platform, String> global = new LinkedHashMap<>();
        if (perPlatform.isEmpty() && template == null) {
            globalRows.forEach((platformText, label) -> {
                if (label == null || label.isBlank()) {
                    return;
                }
                try {
                    global.putIfAbsent(Platform.parse(platformText), label.trim()); // the first row wins, as listed
                } catch (InvalidPlatformException e) {
                    // not a platform: it can match none of the step's
                }
            });
        }
        return new AgentLabels(new LinkedHashMap<>(perPlatform), template, global);
    }

    /** The label expression {@code node(...)} gets for this platform. */
    public String labelFor(Platform platform) {
        String explicit = perPlatform.get(platform);
        if (explicit != null) {
            return explicit;
        }
        if (template != null) {
            return template.expand(platform);
        }
        String global = globalDefaults.get(platform);
        if (global != null) {
            return global;
        }
        return LabelTemplate.ARCH.expand(platform);
    }
}
