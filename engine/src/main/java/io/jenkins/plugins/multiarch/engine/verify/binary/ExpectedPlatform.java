package io.jenkins.plugins.multiarch.engine.verify.binary;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The platform an image claims to be for, as OCI/Go names ({@code linux}, {@code arm64}, {@code arm} + {@code v7}).
 * Kept as plain strings so this package does not depend on the engine's own platform type; adapt at the call site.
 *
 * @param os           operating system, e.g. {@code linux}
 * @param architecture OCI/Go architecture, e.g. {@code amd64}, {@code arm64}, {@code arm}
 * @param variant      CPU variant or {@code null}; {@code "7"} is read as {@code v7}, as containerd does
 */
public record ExpectedPlatform(String os, String architecture, String variant) {

    /** The architectures whose ELF machine we know how to recognise. */
    public static final Set<String> CHECKABLE_ARCHITECTURES = Set.of(
            "amd64", "arm64", "arm", "386", "ppc64le", "ppc64", "s390x", "riscv64",
            "mips64le", "mips64", "mipsle", "mips", "loong64");

    public ExpectedPlatform {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(architecture, "architecture");
        os = os.toLowerCase(Locale.ROOT);
        architecture = architecture.toLowerCase(Locale.ROOT);
        variant = normalizeVariant(variant);
    }

    /** Parses {@code os/arch[/variant]}, e.g. {@code linux/arm/v7}. */
    public static ExpectedPlatform parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new IllegalArgumentException(
                    "Platform '" + text + "' is not of the form os/architecture[/variant], e.g. linux/arm64 or linux/arm/v7");
        }
        return new ExpectedPlatform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    /** Whether this check can say anything about the platform: ELF programs on Linux, known architectures. */
    public boolean checkable() {
        return os.equals("linux") && CHECKABLE_ARCHITECTURES.contains(architecture);
    }

    /**
     * The 32-bit ARM variant used for matching. A missing variant means v7, the default containerd and Docker
     * assume for {@code linux/arm}.
     */
    public String effectiveArmVariant() {
        return variant == null ? "v7" : variant;
    }

    /** {@code linux/arm64}, {@code linux/arm/v7}: the form used in messages. */
    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }

    /** How to name hosts of this platform in messages: the architecture, plus the variant for 32-bit ARM. */
    public String hostLabel() {
        return architecture.equals("arm") ? "arm/" + effectiveArmVariant() : architecture;
    }

    private static String normalizeVariant(String variant) {
        if (variant == null || variant.isBlank()) {
            return null;
        }
        String v = variant.trim().toLowerCase(Locale.ROOT);
        return Character.isDigit(v.charAt(0)) ? "v" + v : v;
    }
}
