package io.jenkins.plugins.multiarch.config;

import io.jenkins.plugins.multiarch.engine.util.InvalidSizeException;
import io.jenkins.plugins.multiarch.engine.util.Sizes;
import io.jenkins.plugins.multiarch.engine.verify.CheckPolicy;

/**
 * The binary check's byte budget as people type it ({@code 512MiB}), read by the engine's rules, those of the CLI's
 * {@code --binary-budget}: a whole number of bytes, or with a unit K, M, G or T (also KB/KiB, MB/MiB ...), every
 * unit a power of 1024; more than 0. Only the messages are the plugin's own, so that Jenkins can localize them.
 */
public final class BinaryBudget {

    /** What the binary check reads when nothing is configured, as the CLI does. */
    public static final String DEFAULT = "512MiB";

    static final long DEFAULT_BYTES = CheckPolicy.DEFAULT_BYTE_BUDGET;

    private BinaryBudget() {
    }

    /**
     * The budget in bytes; blank means {@link #DEFAULT}.
     *
     * @throws IllegalArgumentException with a message for the user
     */
    public static long bytes(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_BYTES;
        }
        try {
            return Sizes.parse(text, "binary budget");
        } catch (InvalidSizeException e) {
            throw new IllegalArgumentException(switch (e.reason()) {
                case NOT_A_SIZE -> Messages.BinaryBudget_Invalid(text);
                case ZERO -> Messages.BinaryBudget_Zero(text);
                case TOO_LARGE -> Messages.BinaryBudget_TooLarge(text);
            }, e);
        }
    }

    /** The form check of a budget field. */
    public static FieldValidation check(String text) {
        try {
            bytes(text);
            return FieldValidation.ok();
        } catch (IllegalArgumentException e) {
            return FieldValidation.error(e.getMessage());
        }
    }
}
