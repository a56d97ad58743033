package io.jenkins.plugins.multiarch.engine.verify.binary;

/**
 * Whether an ELF program fits an expected platform, and if not, what would happen on its hosts.
 *
 * <p>32-bit ARM policy. The ELF header does not record the ISA level, only the float ABI, so:
 * <ul>
 *   <li>hard-float (armhf) programs are accepted for {@code arm/v6}, {@code arm/v7} and {@code arm/v8}: all
 *       mainstream v6+ userlands (Raspbian, Alpine armhf/armv7, Debian/Ubuntu armhf) are hard-float. Rejected for
 *       {@code arm/v5}, whose userlands (Debian armel) are soft-float and whose CPUs often lack the VFP unit.</li>
 *   <li>soft-float (armel) programs are accepted for {@code arm/v5} and {@code arm/v6}; rejected for {@code arm/v7}
 *       and {@code arm/v8}, which are hard-float userlands everywhere. A statically linked soft-float program would
 *       still run there; this check deliberately flags it, because a dynamically linked one fails to start.</li>
 *   <li>programs with neither flag (every Go binary, old toolchains) are accepted for every ARM variant.</li>
 *   <li>{@code linux/arm} without a variant means {@code arm/v7}, as in containerd.</li>
 * </ul>
 * A 32-bit ARM program never matches {@code arm64}: many arm64 hosts (e.g. AWS Graviton, Apple silicon) cannot run
 * 32-bit code at all. Likewise 386 programs never match {@code amd64}.
 *
 * @param matches     whether the program fits
 * @param consequence for a mismatch, what hosts of the platform would do, e.g.
 *                    {@code arm64 hosts would fail with 'exec format error'}
 */
record PlatformMatch(boolean matches, String consequence) {

    static PlatformMatch of(ExpectedPlatform expected, ElfHeader header) {
        String hosts = expected.hostLabel() + " hosts";
        if (!expected.architecture().equals(header.architecture())) {
            return new PlatformMatch(false, hosts + " would fail with 'exec format error'");
        }
        if (!expected.architecture().equals("arm")) {
            return new PlatformMatch(true, null);
        }
        String variant = expected.effectiveArmVariant();
        switch (header.armFloatAbi()) {
            case HARD:
                return variant.equals("v5")
                        ? new PlatformMatch(false, "arm/v5 userlands are soft-float (armel), so " + hosts
                                + " cannot load a hard-float program's libraries, and their CPUs often lack its VFP instructions")
                        : new PlatformMatch(true, null);
            case SOFT:
                return variant.equals("v5") || variant.equals("v6")
                        ? new PlatformMatch(true, null)
                        : new PlatformMatch(false, expected.hostLabel() + " userlands are hard-float (armhf), so "
                                + hosts + " cannot load a soft-float (armel) program's libraries");
            default:
                return new PlatformMatch(true, null);
        }
    }
}
