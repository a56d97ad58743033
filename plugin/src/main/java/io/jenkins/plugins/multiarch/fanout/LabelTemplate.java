package io.jenkins.plugins.multiarch.fanout;

import io.jenkins.plugins.multiarch.engine.platform.Platform;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * An agent label expression with placeholders for the platform, e.g. {@code docker && {arch}}:
 * {@code {os}} ({@code linux}), {@code {arch}} ({@code arm}), {@code {variant}} ({@code v7}, empty where the
 * platform has none) and {@code {platform}} ({@code linux/arm/v7}). Checked when read, so that a typo such as
 * {@code {ach}} fails before any agent is asked for.
 */
public final class LabelTemplate implements Serializable {

    private static final long serialVersionUID = 1L;

    static final List<String> PLACEHOLDERS = List.of("{os}", "{arch}", "{variant}", "{platform}");

    /** What a platform's builds run on when nothing else says: agents labelled with its architecture. */
    public static final LabelTemplate ARCH = new LabelTemplate("{arch}");

    private final String template;

    private LabelTemplate(String template) {
        this.template = template;
    }

    /**
     * @param argument the argument the template came from, for messages
     * @throws FanOutArgumentException for an empty template, an unknown placeholder or an unclosed brace
     */
    public static LabelTemplate parse(String template, String argument) {
        if (template == null || template.isBlank()) {
            throw new FanOutArgumentException(Messages.LabelTemplate_Empty(argument));
        }
        int from = 0;
        while (true) {
            int open = template.indexOf('{', from);
            int close = template.indexOf('}', from);
            if (open < 0 && close < 0) {
                break;
            }
            if (open < 0 || (close >= 0 && close < open)) {
                throw new FanOutArgumentException(Messages.LabelTemplate_Unbalanced(argument, template));
            }
            int end = template.indexOf('}', open);
            int nextOpen = template.indexOf('{', open + 1);
            if (end < 0 || (nextOpen >= 0 && nextOpen < end)) {
                throw new FanOutArgumentException(Messages.LabelTemplate_Unbalanced(argument, template));
            }
            String placeholder = template.substring(open, end + 1);
            if (!PLACEHOLDERS.contains(placeholder)) {
                throw new FanOutArgumentException(Messages.LabelTemplate_UnknownPlaceholder(
                        argument, placeholder, template, String.join(" ", PLACEHOLDERS)));
            }
            from = end + 1;
        }
        return new LabelTemplate(template.trim());
    }

    /** The label expression for this platform. */
    public String expand(Platform platform) {
        return template
                .replace("{os}", platform.os())
                .replace("{arch}", platform.architecture())
                .replace("{variant}", platform.variant() == null ? "" : platform.variant())
                .replace("{platform}", platform.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelTemplate other && template.equals(other.template);
    }

    @Override
    public int hashCode() {
        return Objects.hash(template);
    }

    @Override
    public String toString() {
        return template;
    }
}
