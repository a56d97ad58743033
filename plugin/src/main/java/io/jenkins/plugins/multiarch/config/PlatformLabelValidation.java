package io.jenkins.plugins.multiarch.config;

import io.jenkins.plugins.multiarch.engine.platform.InvalidPlatformException;
import io.jenkins.plugins.multiarch.engine.platform.Platform;

/** The rules for one row of the platform to agent label map. */
public final class PlatformLabelValidation {

    private PlatformLabelValidation() {
    }

    /** A platform the engine knows, e.g. {@code linux/arm64}; an alias is accepted and its normal form shown. */
    public static FieldValidation checkPlatform(String text) {
        if (text == null || text.isBlank()) {
            return FieldValidation.error(Messages.PlatformLabel_PlatformRequired());
        }
        Platform platform;
        try {
            platform = Platform.parse(text);
        } catch (InvalidPlatformException e) {
            // the engine's message names the bad part and lists valid platforms (English only, like the CLI's)
            return FieldValidation.error(e.getMessage());
        }
        String normalized = platform.toString();
        return normalized.equals(text.trim())
                ? FieldValidation.ok()
                : FieldValidation.ok(Messages.PlatformLabel_Normalized(normalized));
    }

    /** Any label expression {@code node(...)} takes; only an empty one is refused. */
    public static FieldValidation checkLabel(String text) {
        if (text == null || text.isBlank()) {
            return FieldValidation.error(Messages.PlatformLabel_LabelRequired());
        }
        return FieldValidation.ok();
    }
}
