package io.jenkins.plugins.multiarch.engine.verify.binary;

import java.nio.ByteOrder;

/**
 * The fields of an ELF file header that say which machine a program is for. Parse with
 * {@link ElfIdentity#of(byte[])}.
 *
 * @param bits      32 or 64 ({@code EI_CLASS})
 * @param byteOrder {@code EI_DATA}
 * @param osAbi     {@code EI_OSABI}; 0 (System V) or 3 (GNU/Linux) on Linux
 * @param type      {@code e_type}
 * @param machine   {@code e_machine}, e.g. 62 for x86-64
 * @param flags     {@code e_flags}; carries the EABI version and float ABI on ARM
 */
record ElfHeader(int bits, ByteOrder byteOrder, int osAbi, ElfType type, int machine, long flags) {

    static final int EM_386 = 3;
    static final int EM_MIPS = 8;
    static final int EM_PPC = 20;
    static final int EM_PPC64 = 21;
    static final int EM_S390 = 22;
    static final int EM_ARM = 40;
    static final int EM_X86_64 = 62;
    static final int EM_AARCH64 = 183;
    static final int EM_RISCV = 243;
    static final int EM_LOONGARCH = 258;

    /** The OCI/Go architecture this program runs on, e.g. {@code arm64}; {@code null} when none fits. */
    public String architecture() {
        return ElfArchitecture.of(this).ociName();
    }

    /** For 32-bit ARM: the float ABI from {@code e_flags}; {@link ArmFloatAbi#UNSPECIFIED} otherwise. */
    public ArmFloatAbi armFloatAbi() {
        return machine == EM_ARM ? ArmFloatAbi.of(flags) : ArmFloatAbi.UNSPECIFIED;
    }

    /** For 32-bit ARM: the EABI version ({@code e_flags >> 24}), 5 for current toolchains, 0 for the old ABI. */
    public int armEabiVersion() {
        return machine == EM_ARM ? (int) ((flags >>> 24) & 0xff) : 0;
    }

    public boolean littleEndian() {
        return byteOrder == ByteOrder.LITTLE_ENDIAN;
    }

    /** E.g. {@code an x86-64 ELF executable}, {@code a 32-bit ARM hard-float (EABI5) ELF executable}. */
    public String description() {
        return ElfArchitecture.of(this).phrase() + " ELF " + type.noun();
    }

    @Override
    public String toString() {
        return description();
    }
}
