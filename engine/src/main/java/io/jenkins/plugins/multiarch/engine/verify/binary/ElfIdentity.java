package io.jenkins.plugins.multiarch.engine.verify.binary;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What the first bytes of a file say about it: an ELF program with a readable header, something that starts with the
 * ELF magic but that the kernel would refuse, or not ELF at all. Never throws on bad input.
 */
public sealed interface ElfIdentity permits ElfIdentity.Elf, ElfIdentity.MalformedElf, ElfIdentity.NotElf {

    /** The most any check reads of a file: the 64-bit header is 64 bytes and {@code e_flags} lies inside it. */
    int HEADER_BYTES = 64;

    /** A well-formed ELF header. */
    record Elf(ElfHeader header) implements ElfIdentity {
    }

    /** Starts with {@code \x7fELF} but the kernel would refuse it; {@code problem} says why. */
    record MalformedElf(String problem) implements ElfIdentity {
    }

    /** Not ELF; {@code summary} shows how it starts, e.g. {@code starts with "hello"}. */
    record NotElf(String summary) implements ElfIdentity {
    }

    /** Reads the header from the start of a file; {@code head} may be shorter or longer than a header. */
    static ElfIdentity of(byte[] head) {
        if (head.length < 4 || head[0] != 0x7f || head[1] != 'E' || head[2] != 'L' || head[3] != 'F') {
            return new NotElf(summarize(head));
        }
        if (head.length < 16) {
            return new MalformedElf("truncated: the file is only " + head.length + " bytes long");
        }
        int bits;
        switch (head[4]) {
            case 1:
                bits = 32;
                break;
            case 2:
                bits = 64;
                break;
            default:
                return new MalformedElf("unknown ELF class " + (head[4] & 0xff));
        }
        ByteOrder order;
        switch (head[5]) {
            case 1:
                order = ByteOrder.LITTLE_ENDIAN;
                break;
            case 2:
                order = ByteOrder.BIG_ENDIAN;
                break;
            default:
                return new MalformedElf("unknown byte order " + (head[5] & 0xff));
        }
        if (head[6] != 1) {
            return new MalformedElf("unknown ELF version " + (head[6] & 0xff));
        }
        int headerSize = bits == 64 ? 64 : 52;
        if (head.length < headerSize) {
            return new MalformedElf("truncated header: " + head.length + " of " + headerSize + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.wrap(head).order(order);
        ElfType type = ElfType.of(Short.toUnsignedInt(buffer.getShort(16)));
        int machine = Short.toUnsignedInt(buffer.getShort(18));
        long flags = Integer.toUnsignedLong(buffer.getInt(bits == 64 ? 48 : 36));
        int programHeaderSize = Short.toUnsignedInt(buffer.getShort(bits == 64 ? 54 : 42));
        int programHeaders = Short.toUnsignedInt(buffer.getShort(bits == 64 ? 56 : 44));
        int expectedProgramHeaderSize = bits == 64 ? 56 : 32;
        // The kernel's ELF loader rejects programs whose program header table it cannot walk (ENOEXEC).
        if (type.runnable() && (programHeaderSize != expectedProgramHeaderSize || programHeaders == 0)) {
            return new MalformedElf("bad program header table (e_phentsize " + programHeaderSize + ", expected "
                    + expectedProgramHeaderSize + "; e_phnum " + programHeaders + ")");
        }
        return new Elf(new ElfHeader(bits, order, head[7] & 0xff, type, machine, flags));
    }

    private static String summarize(byte[] head) {
        if (head.length == 0) {
            return "is empty";
        }
        int shown = Math.min(head.length, 16);
        StringBuilder text = new StringBuilder();
        boolean printable = true;
        for (int i = 0; i < shown; i++) {
            int b = head[i] & 0xff;
            if (b == '\n') {
                text.append("\\n");
            } else if (b == '\t') {
                text.append("\\t");
            } else if (b >= 0x20 && b < 0x7f) {
                text.append((char) b);
            } else {
                printable = false;
                break;
            }
        }
        if (printable) {
            return "starts with \"" + text + (head.length > shown ? "…" : "") + "\"";
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(head.length, 8); i++) {
            hex.append(String.format("%02x", head[i] & 0xff));
        }
        return "starts with bytes " + hex + (head.length > 8 ? "…" : "");
    }
}
