package io.jenkins.plugins.multiarch.freestyle;

import io.jenkins.plugins.multiarch.engine.platform.InvalidPlatformException;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A platform written without slashes, as a matrix axis value must be: {@code amd64}, {@code arm64}, {@code arm-v7},
 * {@code windows-amd64}. Slashes would end up in the cells' names, URLs and configuration directories.
 * Form: {@code [os-]arch[-variant]}; without an OS it is linux.
 */
public final class AxisPlatform {

    private static final Set<String> OPERATING_SYSTEMS = Set.of("linux", "windows", "darwin", "freebsd", "netbsd",
            "openbsd", "solaris", "illumos", "aix", "plan9", "android", "ios", "js", "wasip1");
    private static final Pattern VARIANT = Pattern.compile("v[0-9]+");

    private AxisPlatform() {
    }

    /**
     * @throws InvalidPlatformException naming the value and the form it should have
     */
    public static Platform parse(String value) {
        String text = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (text.contains("/")) {
            throw invalid(value, Messages.AxisPlatform_Slash(text.replace('/', '-')));
        }
        String[] parts = text.split("-", -1);
        String os = "linux";
        int first = 0;
        if (parts.length > 1 && OPERATING_SYSTEMS.contains(parts[0])) {
            os = parts[0];
            first = 1;
        }
        int rest = parts.length - first;
        String slashed;
        if (rest == 1) {
            slashed = os + "/" + parts[first];
        } else if (rest == 2 && VARIANT.matcher(parts[first + 1]).matches()) {
            slashed = os + "/" + parts[first] + "/" + parts[first + 1];
        } else {
            throw invalid(value, Messages.AxisPlatform_Form());
        }
        try {
            return Platform.parse(slashed);
        } catch (InvalidPlatformException e) {
            throw invalid(value, e.getMessage());
        }
    }

    /** The axis value of a platform: the OS is left out for linux. */
    public static String valueOf(Platform platform) {
        String prefix = "linux".equals(platform.os()) ? "" : platform.os() + "-";
        return prefix + platform.architecture() + (platform.variant() == null ? "" : "-" + platform.variant());
    }

    private static InvalidPlatformException invalid(String value, String why) {
        return new InvalidPlatformException(Messages.AxisPlatform_Invalid(value, why));
    }
}
