package io.jenkins.plugins.multiarch.freestyle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.multiarch.engine.platform.InvalidPlatformException;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AxisPlatformTest {

    @ParameterizedTest
    @CsvSource({
            "amd64, linux/amd64, amd64",
            "arm64, linux/arm64, arm64",
            "aarch64, linux/arm64, arm64",
            "arm-v7, linux/arm/v7, arm-v7",
            "linux-arm-v6, linux/arm/v6, arm-v6",
            "ARM64, linux/arm64, arm64",
            "windows-amd64, windows/amd64, windows-amd64",
            "linux-s390x, linux/s390x, s390x"})
    void slashFreeValuesAreTheirPlatformsAndPrintBackNormalised(String value, String platform, String printed) {
        Platform parsed = AxisPlatform.parse(value);
        assertEquals(platform, parsed.toString());
        assertEquals(printed, AxisPlatform.valueOf(parsed));
        assertEquals(parsed, AxisPlatform.parse(AxisPlatform.valueOf(parsed)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "linux", "arm-v7-extra", "amd64-foo", "linux-"})
    void otherShapesAreRefusedNamingTheValueAndTheForm(String value) {
        InvalidPlatformException e = assertThrows(InvalidPlatformException.class, () -> AxisPlatform.parse(value));
        assertTrue(e.getMessage().startsWith("invalid platform axis value '" + value + "'"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void aSlashIsRefusedWithTheValueToWriteInstead() {
        InvalidPlatformException e = assertThrows(InvalidPlatformException.class,
                () -> AxisPlatform.parse("linux/arm/v7"));
        assertTrue(e.getMessage().contains("write it as 'linux-arm-v7'"), e.getMessage());
    }
}
