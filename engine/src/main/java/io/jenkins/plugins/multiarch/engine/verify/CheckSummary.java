package io.jenkins.plugins.multiarch.engine.verify;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/** The short form of an image's check results, for one cell of a table. */
public final class CheckSummary {

    private CheckSummary() {
    }

    /**
     * What the binary check found ({@code /hello x86-64 ✓}, {@code not checked: budget}); without a binary check, the
     * config check ({@code config ✓}); a failed config check stops an image's checks, so it shows as {@code config ✗}.
     */
    public static String of(List<CheckResult> checks) {
        for (CheckResult check : checks) {
            if (check.check().equals(BinaryImageCheck.NAME)) {
                return check.details().getOrDefault("summary", check.status().name().toLowerCase(Locale.ROOT));
            }
        }
        for (CheckResult check : checks) {
            if (check.failed()) {
                return check.check() + " ✗";
            }
        }
        if (checks.isEmpty()) {
            return "not checked";
        }
        StringJoiner passed = new StringJoiner(", ");
        checks.forEach(check -> passed.add(check.check() + (check.status() == CheckResult.Status.PASSED ? " ✓" : " -")));
        return passed.toString();
    }
}
