package io.jenkins.plugins.multiarch.engine.platform;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // canonical forms print as they are written
            "linux/amd64,        linux/amd64",
            "linux/arm64,        linux/arm64",
            "linux/arm/v7,       linux/arm/v7",
            "linux/arm/v6,       linux/arm/v6",
            "linux/386,          linux/386",
            "linux/ppc64le,      linux/ppc64le",
            "linux/s390x,        linux/s390x",
            "linux/riscv64,      linux/riscv64",
            "windows/amd64,      windows/amd64",
            // architecture aliases
            "linux/aarch64,      linux/arm64",
            "linux/x86_64,       linux/amd64",
            "linux/x86-64,       linux/amd64",
            "linux/armhf,        linux/arm/v7",
            "linux/armel,        linux/arm/v6",
            "linux/i386,         linux/386",
            "linux/i686,         linux/386",
            "linux/ppc64el,      linux/ppc64le",
            "linux/loongarch64,  linux/loong64",
            // variants: arm64/v8 is plain arm64, arm without variant is v7, a bare number gets its 'v'
            "linux/arm64/v8,     linux/arm64",
            "linux/aarch64/v8,   linux/arm64",
            "linux/arm64/v8.2,   linux/arm64/v8.2",
            "linux/arm,          linux/arm/v7",
            "linux/arm/7,        linux/arm/v7",
            "linux/arm/6,        linux/arm/v6",
            "linux/amd64/v1,     linux/amd64",
            "linux/amd64/v3,     linux/amd64/v3",
            // a bare architecture means linux
            "arm64,              linux/arm64",
            "aarch64,            linux/arm64",
            "amd64,              linux/amd64",
            "arm,                linux/arm/v7",
            "armhf,              linux/arm/v7",
            // case and surrounding space do not matter
            "LINUX/AMD64,        linux/amd64",
            "Linux/AArch64,      linux/arm64",
            "linux/ARM/V7,       linux/arm/v7",
            "'  linux/arm64  ',  linux/arm64",
            "macos/arm64,        darwin/arm64",
    })
    void parsesAndNormalizesLikeContainerd(String text, String expected) {
        Platform platform = Platform.parse(text);

        assertThat(platform).hasToString(expected);
        assertThat(Platform.parse(platform.toString())).as("the printed form parses back to the same platform")
                .isEqualTo(platform);
    }

    @Test
    void partsOfParsedPlatform() {
        assertThat(Platform.parse("linux/armhf")).isEqualTo(new Platform("linux", "arm", "v7"))
                .isEqualTo(Platform.LINUX_ARM_V7);
        assertThat(Platform.parse("x86_64")).isEqualTo(Platform.LINUX_AMD64);
        assertThat(Platform.parse("linux/arm64/v8").variant()).isNull();
    }

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource({
            "linux/aarch64,    linux/arm64",
            "arm64,            linux/arm64/v8",
            "linux/x86_64,     AMD64",
            "linux/armhf,      linux/arm",
            "linux/arm/7,      linux/arm/v7",
            "linux/i686,       linux/i386",
    })
    void twoSpellingsOfOnePlatformAreEqual(String a, String b) {
        Platform first = Platform.parse(a);
        Platform second = Platform.parse(b);

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
        assertThat(first.compareTo(second)).isZero();
    }

    @Test
    void differentVariantsAreDifferentPlatforms() {
        assertThat(Platform.parse("linux/arm/v6")).isNotEqualTo(Platform.parse("linux/arm/v7"));
        assertThat(Platform.parse("linux/armel")).isNotEqualTo(Platform.parse("linux/armhf"));
    }

    @Test
    void emptyVariantIsNoVariant() {
        assertThat(new Platform("linux", "amd64", "")).isEqualTo(Platform.LINUX_AMD64);
        assertThat(new Platform("linux", "amd64", "").variantNumber()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "linux/arm/v7,  7",
            "linux/arm/v6,  6",
            "linux/arm64,   ''",
            "linux/amd64/v3, 3",
    })
    void variantNumberIsTheVariantWithoutItsV(String platform, String number) {
        assertThat(Platform.parse(platform).variantNumber()).isEqualTo(number);
    }

    @ParameterizedTest(name = "GOOS={0} GOARCH={1} GOARM={2} -> {3}")
    @CsvSource({
            "linux,   amd64,   ,             linux/amd64",
            "linux,   arm64,   ,             linux/arm64",
            "linux,   arm,     6,            linux/arm/v6",
            "linux,   arm,     7,            linux/arm/v7",
            "linux,   arm,     5,            linux/arm/v5",
            "linux,   arm,     '7,hardfloat', linux/arm/v7",
            "linux,   arm,     '6,softfloat', linux/arm/v6",
            "linux,   arm,     ,             linux/arm/v7",
            "linux,   arm,     '',           linux/arm/v7",
            "linux,   386,     ,             linux/386",
            "linux,   ppc64le, ,             linux/ppc64le",
            "linux,   s390x,   ,             linux/s390x",
            "linux,   riscv64, ,             linux/riscv64",
            "linux,   loong64, ,             linux/loong64",
            "windows, amd64,   ,             windows/amd64",
            "darwin,  arm64,   7,            darwin/arm64",
    })
    void fromGoFollowsGoosGoarchGoarm(String goos, String goarch, String goarm, String expected) {
        assertThat(Platform.fromGo(goos, goarch, goarm)).hasToString(expected);
    }

    @Test
    void fromGoRejectsAnUnknownGoarm() {
        assertThatThrownBy(() -> Platform.fromGo("linux", "arm", "9"))
                .isInstanceOf(InvalidPlatformException.class)
                .hasMessageContaining("unknown variant 'v9' for arm")
                .hasMessageContaining("v5, v6, v7");
    }

    @ParameterizedTest(name = "uname -m {0} -> {1}")
    @CsvSource({
            "x86_64,      linux/amd64",
            "aarch64,     linux/arm64",
            "arm64,       linux/arm64",
            "armv7l,      linux/arm/v7",
            "armv6l,      linux/arm/v6",
            "armv5tel,    linux/arm/v5",
            "armv5tejl,   linux/arm/v5",
            "armv8l,      linux/arm/v8",
            "i686,        linux/386",
            "i386,        linux/386",
            "ppc64le,     linux/ppc64le",
            "ppc64,       linux/ppc64",
            "s390x,       linux/s390x",
            "riscv64,     linux/riscv64",
            "loongarch64, linux/loong64",
            "mips,        linux/mips",
            "' x86_64 ',  linux/amd64",
            "AARCH64,     linux/arm64",
    })
    void fromUnameMapsMachineNames(String machine, String expected) {
        assertThat(Platform.fromUname(machine)).hasToString(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sparc64", "alpha", "ia64"})
    void fromUnameRejectsMachinesWithoutImages(String machine) {
        assertThatThrownBy(() -> Platform.fromUname(machine))
                .isInstanceOf(InvalidPlatformException.class)
                .hasMessageContaining("uname -m '" + machine + "'")
                .hasMessageContaining("unknown architecture '" + machine + "'")
                .hasMessageContaining(Platform.VALID_EXAMPLES);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
            "plan10/amd64,       unknown OS 'plan10'",
            "linux/sparc,        unknown architecture 'sparc'",
            "sparc,              unknown architecture 'sparc'",
            "linux/mips64el/v2,  unknown architecture 'mips64el'",
            "linux/arm/v9,       unknown variant 'v9' for arm; valid: v5, v6, v7, v8",
            "linux/arm/hf,       unknown variant 'hf' for arm",
            "linux/arm64/v7,     unknown variant 'v7' for arm64",
            "linux/amd64/v5,     unknown variant 'v5' for amd64; valid: v1, v2, v3, v4",
            "linux/s390x/v1,     architecture s390x has no variants, but 'v1' was given",
            "linux/,             it has an empty part",
            "/amd64,             it has an empty part",
            "linux//arm64,       it has an empty part",
            "linux/arm64/,       it has an empty part",
            "linux/arm/v7/extra, it has 4 parts; expected os/arch or os/arch/variant",
            "linux,              it names only an OS; add the architecture, e.g. linux/amd64",
            "windows,            it names only an OS; add the architecture, e.g. windows/amd64",
    })
    void rejectsWithTheBadPartNamedAndValidExamples(String text, String why) {
        assertThatThrownBy(() -> Platform.parse(text))
                .isInstanceOf(InvalidPlatformException.class)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("invalid platform '" + text + "': ")
                .hasMessageContaining(why)
                .hasMessageContaining("Valid platforms look like linux/amd64, linux/arm64, linux/arm/v7");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void rejectsEmpty(String text) {
        assertThatThrownBy(() -> Platform.parse(text))
                .isInstanceOf(InvalidPlatformException.class)
                .hasMessageContaining("it is empty")
                .hasMessageContaining("linux/amd64, linux/arm64, linux/arm/v7");
    }

    @Test
    void upperCaseInputIsNamedAsTyped() {
        assertThatThrownBy(() -> Platform.parse("LINUX/SPARC"))
                .hasMessageStartingWith("invalid platform 'LINUX/SPARC'")
                .hasMessageContaining("'sparc'");
    }

    @ParameterizedTest(name = "{0} satisfied by config {1}: {2}")
    @CsvSource({
            // exact
            "linux/amd64,   linux/amd64,   true",
            "linux/arm64,   linux/arm64,   true",
            "linux/arm/v7,  linux/arm/v7,  true",
            "linux/arm/v6,  linux/arm/v6,  true",
            // a config that leaves the variant out serves any variant of its architecture
            "linux/arm/v7,  linux/arm/,    true",
            "linux/arm/v6,  linux/arm/,    true",
            "linux/amd64/v3, linux/amd64/, true",
            // a variant that differs does not
            "linux/arm/v7,  linux/arm/v6,  false",
            "linux/arm/v6,  linux/arm/v7,  false",
            "linux/amd64,   linux/amd64/v3, false",
            // neither does another architecture or OS
            "linux/arm64,   linux/amd64,   false",
            "linux/arm/v7,  linux/arm64,   false",
            "linux/amd64,   windows/amd64, false",
            "windows/amd64, linux/amd64,   false",
    })
    void isSatisfiedBy(String declared, String config, boolean expected) {
        String[] parts = config.split("/", -1);
        // built by hand: parse() would fill in arm's default variant, and configs are not normalized that way
        Platform fromConfig = new Platform(parts[0], parts[1], parts.length > 2 ? parts[2] : null);

        assertThat(Platform.parse(declared).isSatisfiedBy(fromConfig)).isEqualTo(expected);
    }

    @Test
    void ordersByPrintedForm() {
        assertThat(java.util.stream.Stream.of("linux/s390x", "linux/arm64", "linux/amd64", "linux/arm/v7", "linux/386")
                .map(Platform::parse).sorted().map(Platform::toString))
                .containsExactly("linux/386", "linux/amd64", "linux/arm/v7", "linux/arm64", "linux/s390x");
    }

    // ---- os.version (Windows) ----

    static final Platform LTSC2019 = Platform.parse("windows/amd64").withOsVersion("10.0.17763.5458");
    static final Platform LTSC2022 = Platform.parse("windows/amd64").withOsVersion("10.0.20348.2227");

    @Test
    void windowsImagesOfDifferentOsVersionsAreDifferentPlatforms() {
        assertThat(LTSC2019).isNotEqualTo(LTSC2022).isNotEqualTo(Platform.parse("windows/amd64"));
        assertThat(LTSC2019).isEqualTo(new Platform("windows", "amd64", null, "10.0.17763.5458"))
                .hasSameHashCodeAs(new Platform("windows", "amd64", null, "10.0.17763.5458"));
        assertThat(java.util.Set.of(LTSC2019, LTSC2022, Platform.parse("windows/amd64"))).hasSize(3);
    }

    @Test
    void theOsVersionIsNotPartOfThePrintedFormButIsDescribed() {
        assertThat(LTSC2019).hasToString("windows/amd64");
        assertThat(LTSC2019.describe()).isEqualTo("windows/amd64 (os.version 10.0.17763.5458)");
        assertThat(Platform.LINUX_ARM_V7.describe()).isEqualTo("linux/arm/v7");
    }

    @Test
    void parsedAndThreePartPlatformsHaveNoOsVersionAndAnEmptyOneIsNone() {
        assertThat(Platform.parse("windows/amd64").osVersion()).isNull();
        assertThat(new Platform("linux", "amd64", null).osVersion()).isNull();
        assertThat(Platform.LINUX_AMD64.withOsVersion("")).isEqualTo(Platform.LINUX_AMD64);
        assertThat(LTSC2019.withOsVersion(null)).isEqualTo(Platform.parse("windows/amd64"));
    }

    @Test
    void ordersByPrintedFormThenOsVersionNoneFirst() {
        assertThat(java.util.stream.Stream.of(LTSC2022, Platform.parse("windows/amd64"), LTSC2019, Platform.LINUX_AMD64)
                .sorted()).containsExactly(Platform.LINUX_AMD64, Platform.parse("windows/amd64"), LTSC2019, LTSC2022);
    }

    @Test
    void onlyWindowsTellsImagesApartByOsVersion() {
        assertThat(Platform.parse("windows/amd64").hasOsVersions()).isTrue();
        assertThat(Platform.parse("windows/arm64").hasOsVersions()).isTrue();
        assertThat(Platform.LINUX_AMD64.hasOsVersions()).isFalse();
    }
}
