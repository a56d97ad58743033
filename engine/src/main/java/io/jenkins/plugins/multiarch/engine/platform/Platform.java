package io.jenkins.plugins.multiarch.engine.platform;

import io.jenkins.plugins.multiarch.engine.util.Printable;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An image platform, {@code os/architecture[/variant]}, in the normalized form the OCI image index uses
 * (containerd's conventions): {@code linux/amd64}, {@code linux/arm64}, {@code linux/arm/v7}.
 *
 * <p>Parsing accepts the aliases people type (aarch64, x86_64, armhf, ...) and always yields the normalized
 * form, so two spellings of one platform compare equal.
 *
 * <p>{@code osVersion} is the index's {@code os.version}, which Windows images carry (e.g. {@code 10.0.17763.5458})
 * and Windows hosts choose by: two images for {@code windows/amd64} of different OS versions are two platforms. It
 * takes part in equality and ordering, is null where absent (always for what {@link #parse} gives), and is not part
 * of {@link #toString()}.
 */
public record Platform(String os, String architecture, String variant, String osVersion)
        implements Comparable<Platform>, java.io.Serializable {

    static final Set<String> KNOWN_OS = Set.of(
            "linux", "windows", "darwin", "freebsd", "netbsd", "openbsd", "solaris", "illumos", "aix", "android",
            "dragonfly", "plan9", "js", "wasip1", "ios", "zos");

    static final Set<String> KNOWN_ARCHITECTURES = Set.of(
            "amd64", "arm64", "arm", "386", "ppc64le", "ppc64", "s390x", "riscv64", "mips64le", "mips64",
            "mipsle", "mips", "loong64", "wasm");

    private static final Pattern ARM_VARIANT = Pattern.compile("v[5-8]");
    private static final Pattern ARM64_VARIANT = Pattern.compile("v8(\\.[0-9])?|v9(\\.[0-9])?");
    private static final Pattern AMD64_VARIANT = Pattern.compile("v[1-4]");

    static final String VALID_EXAMPLES =
            "linux/amd64, linux/arm64, linux/arm/v7, linux/arm/v6, linux/386, linux/ppc64le, linux/s390x, linux/riscv64";

    public Platform {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(architecture, "architecture");
        if (variant != null && variant.isEmpty()) {
            variant = null;
        }
        if (osVersion != null && osVersion.isEmpty()) {
            osVersion = null;
        }
    }

    /** A platform without an OS version: every Linux one. */
    public Platform(String os, String architecture, String variant) {
        this(os, architecture, variant, null);
    }

    /**
     * True where images of one os/arch are told apart by {@code os.version}: Windows, whose hosts run only images of
     * a compatible OS version. Elsewhere the field is not used.
     */
    public boolean hasOsVersions() {
        return "windows".equals(os);
    }

    /** This platform for a specific OS version (null or empty: none), e.g. from an image config's os.version. */
    public Platform withOsVersion(String version) {
        return new Platform(os, architecture, variant, version);
    }

    public static final Platform LINUX_AMD64 = new Platform("linux", "amd64", null);
    public static final Platform LINUX_ARM64 = new Platform("linux", "arm64", null);
    public static final Platform LINUX_ARM_V7 = new Platform("linux", "arm", "v7");

    /**
     * Parses {@code os/arch[/variant]}, or a bare architecture (then the OS is linux), normalizing aliases.
     *
     * @throws InvalidPlatformException naming the bad part and listing valid examples
     */
    public static Platform parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid(text, "it is empty");
        }
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        String[] parts = trimmed.split("/", -1);
        for (String part : parts) {
            if (part.isEmpty()) {
                throw invalid(text, "it has an empty part");
            }
        }
        return switch (parts.length) {
            case 1 -> {
                if (KNOWN_OS.contains(parts[0])) {
                    throw invalid(text, "it names only an OS; add the architecture, e.g. " + parts[0] + "/amd64");
                }
                yield of(text, "linux", parts[0], null);
            }
            case 2 -> of(text, parts[0], parts[1], null);
            case 3 -> of(text, parts[0], parts[1], parts[2]);
            default -> throw invalid(text, "it has " + parts.length + " parts; expected os/arch or os/arch/variant");
        };
    }

    /** The platform Go builds for with these GOOS/GOARCH/GOARM values (GOARM may be null or e.g. "7,hardfloat"). */
    public static Platform fromGo(String goos, String goarch, String goarm) {
        String variant = null;
        if ("arm".equals(goarch)) {
            String level = goarm == null || goarm.isBlank() ? "7" : goarm.split(",", 2)[0].trim();
            variant = "v" + level;
        }
        return of(goos + "/" + goarch + (variant == null ? "" : "/" + variant), goos, goarch, variant);
    }

    /** The Linux platform of a machine whose {@code uname -m} prints this. */
    public static Platform fromUname(String machine) {
        String m = machine == null ? "" : machine.trim().toLowerCase(Locale.ROOT);
        String source = "uname -m '" + Printable.value(machine) + "'";
        return switch (m) {
            case "armv5l", "armv5tel", "armv5tejl" -> of(source, "linux", "arm", "v5");
            case "armv6l" -> of(source, "linux", "arm", "v6");
            case "armv7l", "armv7" -> of(source, "linux", "arm", "v7");
            case "armv8l" -> of(source, "linux", "arm", "v8");
            case "loongarch64" -> of(source, "linux", "loong64", null);
            case "ppc64" -> of(source, "linux", "ppc64", null);
            case "mips" -> of(source, "linux", "mips", null);
            default -> of(source, "linux", m, null);
        };
    }

    private static Platform of(String source, String rawOs, String rawArch, String rawVariant) {
        String os = normalizeOs(rawOs.toLowerCase(Locale.ROOT));
        if (!KNOWN_OS.contains(os)) {
            throw invalid(source, "unknown OS '" + Printable.value(rawOs) + "'");
        }
        String arch = rawArch.toLowerCase(Locale.ROOT);
        String variant = rawVariant == null ? null : rawVariant.toLowerCase(Locale.ROOT);
        switch (arch) {
            case "x86_64", "x86-64", "x64" -> arch = "amd64";
            case "aarch64" -> arch = "arm64";
            case "armhf" -> {
                arch = "arm";
                variant = variant == null ? "v7" : variant;
            }
            case "armel" -> {
                arch = "arm";
                variant = variant == null ? "v6" : variant;
            }
            case "i386", "i486", "i586", "i686", "x86" -> arch = "386";
            case "ppc64el" -> arch = "ppc64le";
            case "loongarch64" -> arch = "loong64";
            default -> { }
        }
        if (!KNOWN_ARCHITECTURES.contains(arch)) {
            throw invalid(source, "unknown architecture '" + Printable.value(rawArch) + "'");
        }
        if (variant != null && variant.matches("[0-9](\\.[0-9])?")) {
            variant = "v" + variant; // containerd accepts arm/7 for arm/v7
        }
        switch (arch) {
            case "arm" -> {
                if (variant == null) {
                    variant = "v7"; // what 'arm' means on every current distribution (armhf)
                } else if (!ARM_VARIANT.matcher(variant).matches()) {
                    throw invalid(source, "unknown variant '" + Printable.value(rawVariant) + "' for arm; valid: v5, v6, v7, v8");
                }
            }
            case "arm64" -> {
                if (variant != null && !ARM64_VARIANT.matcher(variant).matches()) {
                    throw invalid(source, "unknown variant '" + Printable.value(rawVariant) + "' for arm64; valid: v8, v8.1 ... v9");
                }
                if ("v8".equals(variant)) {
                    variant = null; // arm64 is v8 unless said otherwise; the index omits it
                }
            }
            case "amd64" -> {
                if (variant != null && !AMD64_VARIANT.matcher(variant).matches()) {
                    throw invalid(source, "unknown variant '" + Printable.value(rawVariant) + "' for amd64; valid: v1, v2, v3, v4");
                }
                if ("v1".equals(variant)) {
                    variant = null;
                }
            }
            default -> {
                if (variant != null) {
                    throw invalid(source, "architecture " + arch + " has no variants, but '" + Printable.value(rawVariant) + "' was given");
                }
            }
        }
        return new Platform(os, arch, variant);
    }

    private static String normalizeOs(String os) {
        return switch (os) {
            case "macos", "osx" -> "darwin";
            default -> os;
        };
    }

    private static InvalidPlatformException invalid(String text, String why) {
        return new InvalidPlatformException(
                "invalid platform '" + Printable.value(text) + "': " + why + ". Valid platforms look like " + VALID_EXAMPLES);
    }

    /** BuildKit's TARGETVARIANT, Go's GOARM and the like need the variant without the 'v'. */
    public String variantNumber() {
        return variant == null ? "" : variant.substring(1);
    }

    /**
     * True if an image whose config says {@code other} serves this platform. Configs often omit the variant
     * (arm64 and amd64 always may); an arm config without a variant is accepted for any arm variant, since
     * Docker's own images leave it out.
     */
    public boolean isSatisfiedBy(Platform other) {
        if (!os.equals(other.os) || !architecture.equals(other.architecture)) {
            return false;
        }
        return other.variant == null || Objects.equals(variant, other.variant);
    }

    private static final Comparator<Platform> ORDER = Comparator.comparing(Platform::toString)
            .thenComparing(Platform::osVersion, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** By {@link #toString()}, then OS version (none first). */
    @Override
    public int compareTo(Platform o) {
        return ORDER.compare(this, o);
    }

    /** {@code windows/amd64 (os.version 10.0.17763.5458)} where there is an OS version, else {@link #toString()}. */
    public String describe() {
        return osVersion == null ? toString() : this + " (os.version " + osVersion + ")";
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }
}
