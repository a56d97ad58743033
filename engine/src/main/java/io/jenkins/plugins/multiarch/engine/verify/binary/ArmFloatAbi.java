package io.jenkins.plugins.multiarch.engine.verify.binary;

/**
 * The floating-point calling convention a 32-bit ARM program declares in {@code e_flags}.
 *
 * <p>This is the only ARM sub-architecture hint the ELF header carries: it does not record the ISA level (v5, v6,
 * v7), so v6 and v7 cannot be told apart from the header; that would need the {@code .ARM.attributes} section.
 */
enum ArmFloatAbi {
    /** {@code EF_ARM_ABI_FLOAT_HARD} (0x400): armhf, as in Debian/Ubuntu armhf, Alpine armv6/armv7, Raspbian. */
    HARD,
    /** {@code EF_ARM_ABI_FLOAT_SOFT} (0x200): armel, as in Debian armel. */
    SOFT,
    /** Neither flag. Go's linker writes this for every GOARM, and so do old toolchains; compatible with any variant. */
    UNSPECIFIED;

    static final int EF_ARM_ABI_FLOAT_SOFT = 0x200;
    static final int EF_ARM_ABI_FLOAT_HARD = 0x400;

    static ArmFloatAbi of(long flags) {
        if ((flags & EF_ARM_ABI_FLOAT_HARD) != 0) {
            return HARD;
        }
        if ((flags & EF_ARM_ABI_FLOAT_SOFT) != 0) {
            return SOFT;
        }
        return UNSPECIFIED;
    }
}
