package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.platform.Platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A per-platform tag such as {@code {arch}-{version}} or {@code {os}-{arch}{variant}-{version}}.
 *
 * <p>Placeholders: {@code {os}}, {@code {arch}}, {@code {variant}} ("v7", or empty), {@code {version}} (the target
 * reference's tag) and {@code {platform}} (e.g. {@code linux-arm-v7}). Anything else in braces is an error, and
 * so is a rendered tag that is not a valid tag.
 */
public final class TagTemplate {

    public static final Set<String> PLACEHOLDERS = Set.of("os", "arch", "variant", "version", "platform");
    private static final String PLACEHOLDER_LIST = "{os}, {arch}, {variant}, {version}, {platform}";
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern LITERAL = Pattern.compile("[\\w.-]*");

    private final String text;
    /** Alternating literal text and placeholder names; placeholders are stored as {@code {name}}. */
    private final List<String> parts;

    private TagTemplate(String text, List<String> parts) {
        this.text = text;
        this.parts = parts;
    }

    /**
     * Parses a template.
     *
     * @throws InvalidBuildRequestException for an unknown placeholder, an unclosed brace, or literal text that
     *                                      cannot be part of a tag
     */
    public static TagTemplate parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid(text, "it is empty; e.g. {arch}-{version}");
        }
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            int strayClose = text.indexOf('}', i);
            if (strayClose >= 0 && (open < 0 || strayClose < open)) {
                throw invalid(text, "'}' at position " + (strayClose + 1) + " closes no placeholder");
            }
            if (open < 0) {
                parts.add(literal(text, text.substring(i)));
                break;
            }
            if (open > i) {
                parts.add(literal(text, text.substring(i, open)));
            }
            int close = text.indexOf('}', open);
            if (close < 0) {
                throw invalid(text, "'{' at position " + (open + 1) + " is never closed");
            }
            String name = text.substring(open + 1, close);
            if (!PLACEHOLDERS.contains(name)) {
                throw invalid(text, "unknown placeholder {" + name + "}; valid placeholders: " + PLACEHOLDER_LIST);
            }
            parts.add("{" + name + "}");
            i = close + 1;
        }
        return new TagTemplate(text, List.copyOf(parts));
    }

    private static String literal(String template, String literal) {
        if (!LITERAL.matcher(literal).matches()) {
            throw invalid(template, "'" + literal + "' cannot be part of a tag; tags use letters, digits, '_', '.', '-'");
        }
        return literal;
    }

    /**
     * The tag for one platform.
     *
     * @throws InvalidBuildRequestException if the result is not a valid tag (too long, starts with '.' or '-', empty)
     */
    public String render(Platform platform, String version) {
        StringBuilder tag = new StringBuilder();
        for (String part : parts) {
            tag.append(switch (part) {
                case "{os}" -> platform.os();
                case "{arch}" -> platform.architecture();
                case "{variant}" -> platform.variant() == null ? "" : platform.variant();
                case "{version}" -> version;
                case "{platform}" -> platform.toString().replace('/', '-');
                default -> part;
            });
        }
        String result = tag.toString();
        if (!TAG.matcher(result).matches()) {
            throw new InvalidBuildRequestException("tag template '" + text + "' gives '" + result + "' for "
                    + platform + " and version '" + version + "', which is not a valid tag: a tag is 1-128 letters,"
                    + " digits, '_', '.', '-' and does not start with '.' or '-'");
        }
        return result;
    }

    private static InvalidBuildRequestException invalid(String text, String why) {
        return new InvalidBuildRequestException("invalid tag template '" + text + "': " + why);
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TagTemplate other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
