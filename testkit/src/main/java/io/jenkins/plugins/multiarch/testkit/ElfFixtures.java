package io.jenkins.plugins.multiarch.testkit;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Small, valid ELF files: a file header plus one PT_LOAD program header mapping the file, followed by a few bytes
 * standing in for code. {@code readelf -h -l} reads them without complaint. Shared by the ELF unit tests and the
 * integration tests that put them into real images.
 */
public final class ElfFixtures {

    public static final int ET_REL = 1;
    public static final int ET_EXEC = 2;
    public static final int ET_DYN = 3;

    private ElfFixtures() {
    }

    public static byte[] x86_64() {
        return elf(64, ByteOrder.LITTLE_ENDIAN, 62, 0, ET_EXEC);
    }

    public static byte[] x86_64Pie() {
        return elf(64, ByteOrder.LITTLE_ENDIAN, 62, 0, ET_DYN);
    }

    public static byte[] aarch64() {
        return elf(64, ByteOrder.LITTLE_ENDIAN, 183, 0, ET_EXEC);
    }

    public static byte[] aarch64Pie() {
        return elf(64, ByteOrder.LITTLE_ENDIAN, 183, 0, ET_DYN);
    }

    /** EABI5 with EF_ARM_ABI_FLOAT_HARD, as gcc for arm-linux-gnueabihf writes. */
    public static byte[] armHardFloat() {
        return elf(32, ByteOrder.LITTLE_ENDIAN, 40, 0x05000400, ET_EXEC);
    }

    /** EABI5 with EF_ARM_ABI_FLOAT_SOFT, as gcc for arm-linux-gnueabi writes. */
    public static byte[] armSoftFloat() {
        return elf(32, ByteOrder.LITTLE_ENDIAN, 40, 0x05000200, ET_EXEC);
    }

    /** EABI5, no float ABI flag, "has entry point": what Go's linker writes for every GOARM. */
    public static byte[] armGo() {
        return elf(32, ByteOrder.LITTLE_ENDIAN, 40, 0x05000002, ET_EXEC);
    }

    public static byte[] i386() {
        return elf(32, ByteOrder.LITTLE_ENDIAN, 3, 0, ET_EXEC);
    }

    public static byte[] s390x() {
        return elf(64, ByteOrder.BIG_ENDIAN, 22, 0, ET_EXEC);
    }

    /** ELFv2 ABI (e_flags 2), as on ppc64le. */
    public static byte[] ppc64le() {
        return elf(64, ByteOrder.LITTLE_ENDIAN, 21, 2, ET_EXEC);
    }

    /** RVC + double-float ABI (e_flags 5), as on riscv64 Linux distributions. */
    public static byte[] riscv64() {
        return elf(64, ByteOrder.LITTLE_ENDIAN, 243, 5, ET_EXEC);
    }

    public static byte[] mips64le() {
        return elf(64, ByteOrder.LITTLE_ENDIAN, 8, 0, ET_EXEC);
    }

    public static byte[] loong64() {
        return elf(64, ByteOrder.LITTLE_ENDIAN, 258, 0x43, ET_EXEC);
    }

    public static byte[] elf(int bits, ByteOrder order, int machine, int flags, int type) {
        boolean is64 = bits == 64;
        int headerSize = is64 ? 64 : 52;
        int programHeaderSize = is64 ? 56 : 32;
        int codeSize = 16;
        int fileSize = headerSize + programHeaderSize + codeSize;
        long base = type == ET_DYN ? 0 : 0x400000;
        ByteBuffer elf = ByteBuffer.allocate(fileSize).order(order);
        elf.put(new byte[] {0x7f, 'E', 'L', 'F'});
        elf.put((byte) (is64 ? 2 : 1));
        elf.put((byte) (order == ByteOrder.LITTLE_ENDIAN ? 1 : 2));
        elf.put((byte) 1); // EI_VERSION
        elf.put((byte) 0); // EI_OSABI: System V
        elf.position(16);
        elf.putShort((short) type);
        elf.putShort((short) machine);
        elf.putInt(1); // e_version
        long entry = base + headerSize + programHeaderSize;
        putAddress(elf, is64, entry);
        putAddress(elf, is64, headerSize); // e_phoff
        putAddress(elf, is64, 0); // e_shoff: no sections
        elf.putInt(flags);
        elf.putShort((short) headerSize);
        elf.putShort((short) programHeaderSize);
        elf.putShort((short) 1); // e_phnum
        elf.putShort((short) (is64 ? 64 : 40)); // e_shentsize
        elf.putShort((short) 0); // e_shnum
        elf.putShort((short) 0); // e_shstrndx
        // PT_LOAD, readable + executable, the whole file.
        if (is64) {
            elf.putInt(1);
            elf.putInt(5);
            elf.putLong(0);
            elf.putLong(base);
            elf.putLong(base);
            elf.putLong(fileSize);
            elf.putLong(fileSize);
            elf.putLong(0x1000);
        } else {
            elf.putInt(1);
            elf.putInt(0);
            elf.putInt((int) base);
            elf.putInt((int) base);
            elf.putInt(fileSize);
            elf.putInt(fileSize);
            elf.putInt(5);
            elf.putInt(0x1000);
        }
        return elf.array();
    }

    private static void putAddress(ByteBuffer buffer, boolean is64, long value) {
        if (is64) {
            buffer.putLong(value);
        } else {
            buffer.putInt((int) value);
        }
    }
}
