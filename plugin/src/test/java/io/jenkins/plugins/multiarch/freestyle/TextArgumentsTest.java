package io.jenkins.plugins.multiarch.freestyle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextArgumentsTest {

    @Test
    void pairsAreReadInOrderSkippingBlankAndCommentLines() {
        assertEquals(Map.of("VERSION", "1.4.2", "EMPTY", "", "URL", "a=b"),
                TextArguments.pairs("buildArgs", "VERSION=1.4.2\n\n# note\r\n EMPTY = \nURL=a=b"));
        assertEquals(List.of("VERSION", "EMPTY", "URL"),
                List.copyOf(TextArguments.pairs("buildArgs", "VERSION=1\nEMPTY=\nURL=a=b").keySet()));
        assertEquals(Map.of(), TextArguments.pairs("labels", null));
    }

    @Test
    void aLineWithoutNameOrEqualsIsRefusedNamingFieldAndLine() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TextArguments.pairs("sources", "linux/amd64=app:amd64\nlinux/arm64 app:arm64"));
        assertEquals("sources: line 2 'linux/arm64 app:arm64' is not NAME=VALUE", e.getMessage());
        assertThrows(InvalidInputException.class, () -> TextArguments.pairs("labels", "=value"));
    }

    @Test
    void aNameGivenTwiceIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TextArguments.pairs("annotations", "a=1\na=2"));
        assertEquals("annotations: 'a' is given twice", e.getMessage());
    }

    @Test
    void wordsAreSplitOnSpacesCommasAndLinesWithoutDuplicates() {
        assertEquals(List.of("1.4.2", "1.4", "latest"), TextArguments.words(" 1.4.2, 1.4\nlatest 1.4 "));
        assertEquals(List.of(), TextArguments.words(null));
    }
}
