package io.jenkins.plugins.multiarch.engine.verify.binary;

/** Why a {@link BinaryCheckResult} has its status. */
public enum BinaryCheckReason {
    /** The ELF machine fits the expected platform. */
    MATCHES(BinaryCheckStatus.PASS),
    /** An ELF program for another architecture (or, on 32-bit ARM, the other float ABI). */
    WRONG_ARCHITECTURE(BinaryCheckStatus.MISMATCH),
    /** Starts with {@code \x7fELF} but no kernel would run it: truncated, corrupt, or not an executable type. */
    INVALID_ELF(BinaryCheckStatus.MISMATCH),
    /** Neither Entrypoint nor Cmd is set. */
    NO_PROGRAM(BinaryCheckStatus.NOT_CHECKED),
    /** The program or its interpreter is not in the image (or is a directory, a device, a symlink loop). */
    FILE_NOT_FOUND(BinaryCheckStatus.NOT_CHECKED),
    /** A file that is neither ELF nor a {@code #!} script, e.g. a text file; what it is cannot be judged here. */
    NOT_ELF(BinaryCheckStatus.NOT_CHECKED),
    /** Reading stopped at the byte budget before the program was found. */
    BUDGET_EXCEEDED(BinaryCheckStatus.NOT_CHECKED),
    /** More nested {@code #!} interpreters than the kernel follows. */
    SCRIPT_TOO_DEEP(BinaryCheckStatus.NOT_CHECKED),
    /** Not a Linux platform with a known architecture. */
    UNSUPPORTED_PLATFORM(BinaryCheckStatus.NOT_CHECKED);

    private final BinaryCheckStatus status;

    BinaryCheckReason(BinaryCheckStatus status) {
        this.status = status;
    }

    public BinaryCheckStatus status() {
        return status;
    }
}
