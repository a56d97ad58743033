package io.jenkins.plugins.multiarch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BinaryBudgetTest {

    @ParameterizedTest
    @CsvSource({
        "512MiB, 536870912",
        "64M, 67108864",
        "64mb, 67108864",
        "1 G, 1073741824",
        "' 2T ', 2199023255552",
        "1048576, 1048576",
        "100b, 100",
        "1KiB, 1024",
    })
    void readsSizesAsTheCliDoes(String text, long bytes) {
        assertEquals(bytes, BinaryBudget.bytes(text));
        assertEquals(FieldValidation.ok(), BinaryBudget.check(text));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "   ")
    void blankMeansTheDefault(String text) {
        assertEquals(512L * 1024 * 1024, BinaryBudget.bytes(text));
        assertEquals(BinaryBudget.bytes(BinaryBudget.DEFAULT), BinaryBudget.bytes(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lots", "1.5G", "-1", "64 MiBs", "G", "0x10"})
    void refusesWhatIsNoSize(String text) {
        FieldValidation validation = BinaryBudget.check(text);
        assertEquals(FieldValidation.Kind.ERROR, validation.kind());
        assertTrue(validation.message().startsWith(text + " is not a size"), validation.message());
        assertThrows(IllegalArgumentException.class, () -> BinaryBudget.bytes(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0MiB"})
    void refusesZero(String text) {
        FieldValidation validation = BinaryBudget.check(text);
        assertEquals(FieldValidation.Kind.ERROR, validation.kind());
        assertTrue(validation.message().contains("more than 0"), validation.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"8388608T", "9223372036854775808", "99999999999999999999999"})
    void refusesWhatNoLongHolds(String text) {
        FieldValidation validation = BinaryBudget.check(text);
        assertEquals(FieldValidation.Kind.ERROR, validation.kind());
        assertTrue(validation.message().contains("too large"), validation.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"8388607T", "9223372036854775807"})
    void acceptsTheLargestThatFits(String text) {
        assertNull(BinaryBudget.check(text).message());
    }
}
