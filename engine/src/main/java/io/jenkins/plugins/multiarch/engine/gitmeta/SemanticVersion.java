package io.jenkins.plugins.multiarch.engine.gitmeta;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import java.io.Serializable;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version (semver.org 2.0.0) as release tags write it: {@code 1.2.3}, {@code v1.2.3}, {@code 1.3.0-rc.1},
 * {@code 1.2.3+build.5}. Ordered by precedence: build metadata is ignored, a pre-release sorts before its release,
 * pre-release identifiers compare numerically when both are numbers, else as ASCII text, and a numeric one sorts
 * before a textual one.
 */
public final class SemanticVersion implements Comparable<SemanticVersion>, Serializable {

    private static final long serialVersionUID = 1L;

    private static final String NUMBER = "0|[1-9][0-9]*";
    private static final String PRE_ID = "(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)";
    private static final Pattern SEMVER = Pattern.compile("[vV]?(" + NUMBER + ")\\.(" + NUMBER + ")\\.(" + NUMBER + ")"
            + "(?:-(" + PRE_ID + "(?:\\." + PRE_ID + ")*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");

    private final BigInteger major;
    private final BigInteger minor;
    private final BigInteger patch;
    private final List<String> preRelease;
    private final String build;

    private SemanticVersion(BigInteger major, BigInteger minor, BigInteger patch, List<String> preRelease, String build) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.preRelease = List.copyOf(preRelease);
        this.build = build;
    }

    /** The version a tag names, or empty when it is not a semantic version (with or without a leading {@code v}). */
    public static Optional<SemanticVersion> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = SEMVER.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
        return Optional.of(new SemanticVersion(new BigInteger(m.group(1)), new BigInteger(m.group(2)),
                new BigInteger(m.group(3)), pre, m.group(5)));
    }

    /** As {@link #tryParse}, failing with what a version looks like. */
    public static SemanticVersion parse(String text) {
        return tryParse(text).orElseThrow(() -> new InvalidInputException("'" + text + "' is not a semantic version;"
                + " expected MAJOR.MINOR.PATCH with an optional v prefix, -PRERELEASE and +BUILD, e.g. v1.2.3 or"
                + " 1.3.0-rc.1"));
    }

    public BigInteger major() {
        return major;
    }

    public BigInteger minor() {
        return minor;
    }

    public BigInteger patch() {
        return patch;
    }

    /** The dot-separated pre-release identifiers ({@code rc}, {@code 1} of {@code -rc.1}); empty for a release. */
    public List<String> preRelease() {
        return preRelease;
    }

    public Optional<String> build() {
        return Optional.ofNullable(build);
    }

    public boolean isPreRelease() {
        return !preRelease.isEmpty();
    }

    /** {@code MAJOR.MINOR}, e.g. {@code 1.2}. */
    public String majorMinor() {
        return major + "." + minor;
    }

    /** True if both have the same major version. */
    public boolean sameMajor(SemanticVersion other) {
        return major.equals(other.major);
    }

    /** True if both have the same major and minor version. */
    public boolean sameMinor(SemanticVersion other) {
        return major.equals(other.major) && minor.equals(other.minor);
    }

    @Override
    public int compareTo(SemanticVersion o) {
        int c = major.compareTo(o.major);
        if (c == 0) {
            c = minor.compareTo(o.minor);
        }
        if (c == 0) {
            c = patch.compareTo(o.patch);
        }
        if (c != 0) {
            return c;
        }
        if (preRelease.isEmpty() || o.preRelease.isEmpty()) {
            // A release is higher than any of its pre-releases.
            return Boolean.compare(preRelease.isEmpty(), o.preRelease.isEmpty());
        }
        for (int i = 0; i < Math.min(preRelease.size(), o.preRelease.size()); i++) {
            c = compareIdentifiers(preRelease.get(i), o.preRelease.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(preRelease.size(), o.preRelease.size());
    }

    private static int compareIdentifiers(String a, String b) {
        boolean numericA = a.chars().allMatch(Character::isDigit);
        boolean numericB = b.chars().allMatch(Character::isDigit);
        if (numericA && numericB) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (numericA != numericB) {
            return numericA ? -1 : 1;
        }
        return a.compareTo(b);
    }

    /** The canonical text, without a {@code v}: {@code 1.3.0-rc.1+build.5}. */
    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + String.join(".", preRelease))
                + (build == null ? "" : "+" + build);
    }

    /** Equal when of equal precedence and equal build metadata, so that equality agrees with the text. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SemanticVersion v && compareTo(v) == 0 && Objects.equals(build, v.build);
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, minor, patch, preRelease, build);
    }
}
