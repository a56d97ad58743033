package io.jenkins.plugins.multiarch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class PlatformLabelTest {

    @Test
    void keepsValuesAsTypedButTrimmed() {
        PlatformLabel row = new PlatformLabel(" aarch64 ", " arm64 ");
        assertEquals("aarch64", row.getPlatform());
        assertEquals("arm64", row.getLabel());
    }

    @Test
    void holdsEmptyTextForAbsentValues() {
        PlatformLabel row = new PlatformLabel(null, null);
        assertEquals("", row.getPlatform());
        assertEquals("", row.getLabel());
    }

    @Test
    void isEqualByValue() {
        assertEquals(new PlatformLabel("linux/arm64", "arm64"), new PlatformLabel("linux/arm64 ", "arm64"));
        assertEquals(new PlatformLabel("linux/arm64", "arm64").hashCode(),
                new PlatformLabel("linux/arm64", "arm64").hashCode());
        assertNotEquals(new PlatformLabel("linux/arm64", "arm64"), new PlatformLabel("linux/arm64", "amd64"));
    }
}
