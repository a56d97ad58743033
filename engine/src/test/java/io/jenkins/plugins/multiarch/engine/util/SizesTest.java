package io.jenkins.plugins.multiarch.engine.util;

import static org.assertj.core.api.Assertions.assertThat;

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
}
