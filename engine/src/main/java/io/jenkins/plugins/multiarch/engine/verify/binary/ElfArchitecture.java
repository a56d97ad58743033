package io.jenkins.plugins.multiarch.engine.verify.binary;

import static io.jenkins.plugins.multiarch.engine.verify.binary.ElfHeader.EM_386;
import static io.jenkins.plugins.multiarch.engine.verify.binary.ElfHeader.EM_AARCH64;
import static io.jenkins.plugins.multiarch.engine.verify.binary.ElfHeader.EM_ARM;
import static io.jenkins.plugins.multiarch.engine.verify.binary.ElfHeader.EM_LOONGARCH;
import static io.jenkins.plugins.multiarch.engine.verify.binary.ElfHeader.EM_MIPS;
import static io.jenkins.plugins.multiarch.engine.verify.binary.ElfHeader.EM_PPC;
import static io.jenkins.plugins.multiarch.engine.verify.binary.ElfHeader.EM_PPC64;
import static io.jenkins.plugins.multiarch.engine.verify.binary.ElfHeader.EM_RISCV;
import static io.jenkins.plugins.multiarch.engine.verify.binary.ElfHeader.EM_S390;
import static io.jenkins.plugins.multiarch.engine.verify.binary.ElfHeader.EM_X86_64;

/**
 * What machine an ELF header names, as an OCI/Go architecture and as words for messages.
 *
 * <p>The OCI name is {@code null} when no OCI platform runs the program natively: 32-bit PowerPC, 31-bit S/390,
 * big-endian ARM, x32 and anything unknown. Such programs mismatch every expected platform.
 *
 * @param ociName the OCI/Go architecture, or {@code null}
 * @param phrase  with its article, e.g. {@code an x86-64}, {@code a 32-bit ARM hard-float (EABI5)}
 */
record ElfArchitecture(String ociName, String phrase) {

    static ElfArchitecture of(ElfHeader header) {
        boolean is64 = header.bits() == 64;
        boolean little = header.littleEndian();
        switch (header.machine()) {
            case EM_X86_64:
                return is64 ? new ElfArchitecture("amd64", "an x86-64") : new ElfArchitecture(null, "an x32 (ILP32 x86-64)");
            case EM_AARCH64:
                return little ? new ElfArchitecture("arm64", "an AArch64") : new ElfArchitecture(null, "a big-endian AArch64");
            case EM_ARM:
                return little && !is64 ? new ElfArchitecture("arm", "a 32-bit ARM" + armDetails(header))
                        : new ElfArchitecture(null, "a big-endian 32-bit ARM");
            case EM_386:
                return new ElfArchitecture("386", "an Intel 80386");
            case EM_PPC64:
                return little ? new ElfArchitecture("ppc64le", "a 64-bit PowerPC little-endian")
                        : new ElfArchitecture("ppc64", "a 64-bit PowerPC big-endian");
            case EM_PPC:
                return new ElfArchitecture(null, "a 32-bit PowerPC");
            case EM_S390:
                return is64 ? new ElfArchitecture("s390x", "an IBM S/390 big-endian")
                        : new ElfArchitecture(null, "a 31-bit IBM S/390");
            case EM_RISCV:
                return is64 ? new ElfArchitecture("riscv64", "a 64-bit RISC-V") : new ElfArchitecture(null, "a 32-bit RISC-V");
            case EM_MIPS:
                return new ElfArchitecture(
                        (is64 ? "mips64" : "mips") + (little ? "le" : ""),
                        "a " + header.bits() + "-bit MIPS " + (little ? "little-endian" : "big-endian"));
            case EM_LOONGARCH:
                return is64 ? new ElfArchitecture("loong64", "a LoongArch64") : new ElfArchitecture(null, "a 32-bit LoongArch");
            default:
                return new ElfArchitecture(null, "a " + header.bits() + "-bit " + (little ? "little" : "big")
                        + "-endian unknown-machine (e_machine " + header.machine() + ")");
        }
    }

    private static String armDetails(ElfHeader header) {
        String abi = header.armEabiVersion() == 0 ? "old ABI" : "EABI" + header.armEabiVersion();
        switch (header.armFloatAbi()) {
            case HARD:
                return " hard-float (" + abi + ")";
            case SOFT:
                return " soft-float (" + abi + ")";
            default:
                return " (" + abi + ")";
        }
    }
}
