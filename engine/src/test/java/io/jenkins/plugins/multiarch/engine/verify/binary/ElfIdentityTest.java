package io.jenkins.plugins.multiarch.engine.verify.binary;

import io.jenkins.plugins.multiarch.testkit.ElfFixtures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ElfIdentityTest {

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of(ElfFixtures.x86_64(), "amd64", "an x86-64 ELF executable"),
                Arguments.of(ElfFixtures.x86_64Pie(), "amd64", "an x86-64 ELF shared object (PIE)"),
                Arguments.of(ElfFixtures.aarch64Pie(), "arm64", "an AArch64 ELF shared object (PIE)"),
                Arguments.of(ElfFixtures.armHardFloat(), "arm", "a 32-bit ARM hard-float (EABI5) ELF executable"),
                Arguments.of(ElfFixtures.armSoftFloat(), "arm", "a 32-bit ARM soft-float (EABI5) ELF executable"),
                Arguments.of(ElfFixtures.armGo(), "arm", "a 32-bit ARM (EABI5) ELF executable"),
                Arguments.of(ElfFixtures.i386(), "386", "an Intel 80386 ELF executable"),
                Arguments.of(ElfFixtures.s390x(), "s390x", "an IBM S/390 big-endian ELF executable"),
                Arguments.of(ElfFixtures.ppc64le(), "ppc64le", "a 64-bit PowerPC little-endian ELF executable"),
                Arguments.of(ElfFixtures.riscv64(), "riscv64", "a 64-bit RISC-V ELF executable"),
                Arguments.of(ElfFixtures.mips64le(), "mips64le", "a 64-bit MIPS little-endian ELF executable"),
                Arguments.of(ElfFixtures.loong64(), "loong64", "a LoongArch64 ELF executable"),
                Arguments.of(ElfFixtures.elf(64, ByteOrder.BIG_ENDIAN, 21, 1, ElfFixtures.ET_EXEC), "ppc64",
                        "a 64-bit PowerPC big-endian ELF executable"),
                Arguments.of(ElfFixtures.elf(64, ByteOrder.BIG_ENDIAN, 8, 0, ElfFixtures.ET_EXEC), "mips64",
                        "a 64-bit MIPS big-endian ELF executable"),
                Arguments.of(ElfFixtures.elf(32, ByteOrder.LITTLE_ENDIAN, 8, 0, ElfFixtures.ET_EXEC), "mipsle",
                        "a 32-bit MIPS little-endian ELF executable"),
                Arguments.of(ElfFixtures.elf(32, ByteOrder.BIG_ENDIAN, 8, 0, ElfFixtures.ET_EXEC), "mips",
                        "a 32-bit MIPS big-endian ELF executable"),
                Arguments.of(ElfFixtures.elf(32, ByteOrder.BIG_ENDIAN, 20, 0, ElfFixtures.ET_EXEC), null,
                        "a 32-bit PowerPC ELF executable"),
                Arguments.of(ElfFixtures.elf(32, ByteOrder.LITTLE_ENDIAN, 62, 0, ElfFixtures.ET_EXEC), null,
                        "an x32 (ILP32 x86-64) ELF executable"),
                Arguments.of(ElfFixtures.elf(32, ByteOrder.BIG_ENDIAN, 40, 0x05000000, ElfFixtures.ET_EXEC), null,
                        "a big-endian 32-bit ARM ELF executable"),
                Arguments.of(ElfFixtures.elf(64, ByteOrder.LITTLE_ENDIAN, 4242, 0, ElfFixtures.ET_EXEC), null,
                        "a 64-bit little-endian unknown-machine (e_machine 4242) ELF executable"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("fixtures")
    void recognisesMachines(byte[] program, String architecture, String description) {
        ElfHeader header = parse(program);

        assertThat(header.architecture()).isEqualTo(architecture);
        assertThat(header.description()).isEqualTo(description);
    }

    @Test
    void readsArmFloatAbiAndEabiVersionFromFlags() {
        ElfHeader hard = parse(ElfFixtures.armHardFloat());
        ElfHeader soft = parse(ElfFixtures.armSoftFloat());
        ElfHeader go = parse(ElfFixtures.armGo());
        ElfHeader oldAbi = parse(ElfFixtures.elf(32, ByteOrder.LITTLE_ENDIAN, 40, 0, ElfFixtures.ET_EXEC));

        assertThat(hard.armFloatAbi()).isEqualTo(ArmFloatAbi.HARD);
        assertThat(soft.armFloatAbi()).isEqualTo(ArmFloatAbi.SOFT);
        assertThat(go.armFloatAbi()).isEqualTo(ArmFloatAbi.UNSPECIFIED);
        assertThat(hard.armEabiVersion()).isEqualTo(5);
        assertThat(oldAbi.description()).isEqualTo("a 32-bit ARM (old ABI) ELF executable");
        assertThat(parse(ElfFixtures.aarch64()).armFloatAbi()).isEqualTo(ArmFloatAbi.UNSPECIFIED);
    }

    @Test
    void readsTheFieldsOfABigEndianHeader() {
        ElfHeader header = parse(ElfFixtures.s390x());

        assertThat(header.bits()).isEqualTo(64);
        assertThat(header.byteOrder()).isEqualTo(ByteOrder.BIG_ENDIAN);
        assertThat(header.type()).isEqualTo(ElfType.EXEC);
        assertThat(header.machine()).isEqualTo(22);
    }

    @Test
    void onlyTheHeaderIsNeeded() {
        assertThat(parse(Arrays.copyOf(ElfFixtures.aarch64(), 64)).architecture()).isEqualTo("arm64");
        assertThat(parse(Arrays.copyOf(ElfFixtures.armHardFloat(), 52)).armFloatAbi()).isEqualTo(ArmFloatAbi.HARD);
    }

    @Test
    void realProgramFromThisMachine() throws IOException {
        ElfHeader header = parse(Files.readAllBytes(Path.of("/bin/true")));

        assertThat(header.architecture()).isEqualTo(HostArchitecture.oci());
        assertThat(header.type().runnable()).isTrue();
    }

    static Stream<Arguments> notElf() {
        return Stream.of(
                Arguments.of(new byte[0], "is empty"),
                Arguments.of(bytes("hi"), "starts with \"hi\""),
                Arguments.of(bytes("\u007fEL"), "starts with bytes 7f454c"),
                Arguments.of(bytes("#!/bin/sh\necho a very long line"), "starts with \"#!/bin/sh\\necho a…\""),
                Arguments.of(bytes("MZ\u0090\u0000\u0003"), "starts with bytes 4d5a900003"),
                Arguments.of(bytes("\u00ca\u00fe\u00ba\u00be\u0000\u0000\u0000\u0002\u0001"),
                        "starts with bytes cafebabe00000002…"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("notElf")
    void notElfIsReportedNotThrown(byte[] head, String summary) {
        assertThat(ElfIdentity.of(head)).isEqualTo(new ElfIdentity.NotElf(summary));
    }

    static Stream<Arguments> malformed() {
        byte[] badClass = ElfFixtures.aarch64();
        badClass[4] = 3;
        byte[] badOrder = ElfFixtures.aarch64();
        badOrder[5] = 0;
        byte[] badVersion = ElfFixtures.aarch64();
        badVersion[6] = 2;
        byte[] noProgramHeaders = ElfFixtures.aarch64();
        noProgramHeaders[56] = 0; // e_phnum
        byte[] badProgramHeaderSize = ElfFixtures.armHardFloat();
        badProgramHeaderSize[42] = 56; // e_phentsize of a 64-bit file in a 32-bit one
        return Stream.of(
                Arguments.of(bytes("\u007fELF"), "truncated: the file is only 4 bytes long"),
                Arguments.of(Arrays.copyOf(ElfFixtures.aarch64(), 40), "truncated header: 40 of 64 bytes"),
                Arguments.of(Arrays.copyOf(ElfFixtures.armHardFloat(), 51), "truncated header: 51 of 52 bytes"),
                Arguments.of(badClass, "unknown ELF class 3"),
                Arguments.of(badOrder, "unknown byte order 0"),
                Arguments.of(badVersion, "unknown ELF version 2"),
                Arguments.of(noProgramHeaders, "bad program header table (e_phentsize 56, expected 56; e_phnum 0)"),
                Arguments.of(badProgramHeaderSize, "bad program header table (e_phentsize 56, expected 32; e_phnum 1)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void malformedElfIsReportedNotThrown(byte[] head, String problem) {
        assertThat(ElfIdentity.of(head)).isEqualTo(new ElfIdentity.MalformedElf(problem));
    }

    @Test
    void relocatableObjectsNeedNoProgramHeaders() {
        byte[] object = ElfFixtures.elf(64, ByteOrder.LITTLE_ENDIAN, 62, 0, ElfFixtures.ET_REL);
        object[56] = 0;

        ElfHeader header = parse(object);

        assertThat(header.type()).isEqualTo(ElfType.REL);
        assertThat(header.type().runnable()).isFalse();
    }

    private static ElfHeader parse(byte[] program) {
        ElfIdentity identity = ElfIdentity.of(program);
        assertThat(identity).isInstanceOf(ElfIdentity.Elf.class);
        return ((ElfIdentity.Elf) identity).header();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
