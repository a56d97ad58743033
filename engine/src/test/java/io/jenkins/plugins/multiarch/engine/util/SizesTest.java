package io.jenkins.plugins.multiarch.engine.util;

import io.jenkins.plugins.multiarch.testkit.FaultCase;
import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SizesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "-1,                   ?",
            "-1024,                ?",
            "0,                    0 B",
            "1,                    1 B",
            "512,                  512 B",
            "1023,                 1023 B",
            "1024,                 1.0 KiB",
            "1536,                 1.5 KiB",
            "10240,                10.0 KiB",
            "1048524,              1023.9 KiB",
            "1048525,              1.0 MiB",
            "1048575,              1.0 MiB",
            "1048576,              1.0 MiB",
            "24536678,             23.4 MiB",
            "3623807,              3.5 MiB",
            "1073741823,           1.0 GiB",
            "1073741824,           1.0 GiB",
            "5905580032,           5.5 GiB",
            "1099511627776,        1.0 TiB",
            "1125899906842624,     1024.0 TiB",
            "9223372036854775807,  8388608.0 TiB",
    })
    void human(long bytes, String expected) {
        assertThat(Sizes.human(bytes)).isEqualTo(expected);
    }

    @Test
    void usesADotWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Sizes.human(1536)).isEqualTo("1.5 KiB");
        } finally {
            Locale.setDefault(before);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "1,          1",
            "1048576,    1048576",
            "512B,       512",
            "1K,         1024",
            "1kb,        1024",
            "1KiB,       1024",
            "64M,        67108864",
            "64MB,       67108864",
            "512MiB,     536870912",
            "512 MiB,    536870912",
            "' 1G ',     1073741824",
            "1gib,       1073741824",
            "2T,         2199023255552",
            "8388607T,   9223370937343148032",
    })
    void parse(String text, long expected) {
        assertThat(Sizes.parse(text, "--binary-budget")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @FaultCase(area = "parsers", fault = "sizes that are not sizes (--binary-budget)",
            outcome = "InvalidSizeException naming the input and valid forms")
    @CsvSource({"12X", "MiB", "-5M", "1.5G", "1iB", "1 M B", "''"})
    void parseRefusesWhatIsNotASizeNamingTheInput(String text) {
        assertThatThrownBy(() -> Sizes.parse(text, "--binary-budget"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("invalid --binary-budget '" + text + "': expected a size such as 512MiB, 64M, 1G or 1048576"
                        + " (bytes); units K, M, G, T are powers of 1024");
    }

    @Test
    @FaultCase(area = "parsers", fault = "a size of zero and one larger than a long",
            outcome = "InvalidSizeException saying why")
    void parseRefusesZeroAndSizesALongCannotHold() {
        assertThatThrownBy(() -> Sizes.parse("0M", "--binary-budget"))
                .hasMessage("invalid --binary-budget '0M': must be more than 0, e.g. 512MiB");
        assertThatThrownBy(() -> Sizes.parse("8388608T", "--binary-budget")).hasMessageContaining("too large");
        assertThatThrownBy(() -> Sizes.parse("99999999999999999999", "--binary-budget")).hasMessageContaining("too large");
    }
}
