package io.jenkins.plugins.multiarch.engine.verify.binary;

import io.jenkins.plugins.multiarch.testkit.ElfFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformMatchTest {

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
        "hard, linux/arm/v5, false",
        "hard, linux/arm/v6, true",
        "hard, linux/arm/v7, true",
        "hard, linux/arm/v8, true",
        "hard, linux/arm, true",
        "soft, linux/arm/v5, true",
        "soft, linux/arm/v6, true",
        "soft, linux/arm/v7, false",
        "soft, linux/arm, false",
        "go, linux/arm/v5, true",
        "go, linux/arm/v6, true",
        "go, linux/arm/v7, true",
        "hard, linux/arm64, false",
        "go, linux/arm64, false",
    })
    void armFloatAbiPolicy(String abi, String platform, boolean matches) {
        byte[] program = abi.equals("hard") ? ElfFixtures.armHardFloat()
                : abi.equals("soft") ? ElfFixtures.armSoftFloat() : ElfFixtures.armGo();

        assertThat(PlatformMatch.of(ExpectedPlatform.parse(platform), header(program)).matches()).isEqualTo(matches);
    }

    @Test
    void architectureMismatchNamesTheHostsAndTheError() {
        PlatformMatch match = PlatformMatch.of(ExpectedPlatform.parse("linux/arm64"), header(ElfFixtures.x86_64()));

        assertThat(match.matches()).isFalse();
        assertThat(match.consequence()).isEqualTo("arm64 hosts would fail with 'exec format error'");
    }

    @Test
    void i386DoesNotPassForAmd64() {
        assertThat(PlatformMatch.of(ExpectedPlatform.parse("linux/amd64"), header(ElfFixtures.i386())).matches()).isFalse();
    }

    @Test
    void variantsAreNormalized() {
        assertThat(ExpectedPlatform.parse("linux/arm/7").variant()).isEqualTo("v7");
        assertThat(ExpectedPlatform.parse("Linux/ARM64").toString()).isEqualTo("linux/arm64");
        assertThat(new ExpectedPlatform("linux", "arm", "").variant()).isNull();
        assertThat(ExpectedPlatform.parse("linux/arm").hostLabel()).isEqualTo("arm/v7");
        assertThat(ExpectedPlatform.parse("linux/arm64/v8").hostLabel()).isEqualTo("arm64");
    }

    @Test
    void onlyLinuxWithKnownArchitecturesIsCheckable() {
        assertThat(ExpectedPlatform.parse("linux/riscv64").checkable()).isTrue();
        assertThat(ExpectedPlatform.parse("windows/amd64").checkable()).isFalse();
        assertThat(ExpectedPlatform.parse("linux/wasm").checkable()).isFalse();
    }

    @Test
    void malformedPlatformSaysWhatIsExpected() {
        assertThatThrownBy(() -> ExpectedPlatform.parse("arm64"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("os/architecture[/variant], e.g. linux/arm64");
    }

    private static ElfHeader header(byte[] program) {
        return ((ElfIdentity.Elf) ElfIdentity.of(program)).header();
    }
}
