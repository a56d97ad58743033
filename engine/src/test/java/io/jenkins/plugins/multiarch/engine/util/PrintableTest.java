package io.jenkins.plugins.multiarch.engine.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.multiarch.engine.platform.InvalidPlatformException;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.reference.InvalidReferenceException;
import io.jenkins.plugins.multiarch.testkit.FaultCase;
import org.junit.jupiter.api.Test;

/** Foreign text cannot steer a terminal once printed, and long values are shortened in messages. */
class PrintableTest {

    @Test
    @FaultCase(area = "output", fault = "an ANSI colour sequence and a carriage return in foreign text",
            outcome = "printed as visible \\e[31m and \\r; no ESC or CR byte left")
    void ansiEscapesAndCarriageReturnsBecomeVisible() {
        String printed = Printable.escaped("\u001b[31mred\rPublished");

        assertThat(printed).isEqualTo("\\e[31mred\\rPublished").doesNotContain("\u001b", "\r");
    }

    @Test
    @FaultCase(area = "output", fault = "a newline in a registry's error message (a forged second line)",
            outcome = "escaped as \\n inside one line")
    void newlinesInAValueStayInItsLine() {
        assertThat(Printable.value("denied\nPublished 127.0.0.1:5000/app:1")).isEqualTo(
                "denied\\nPublished 127.0.0.1:5000/app:1");
    }

    @Test
    @FaultCase(area = "output", fault = "8-bit C1 controls (CSI 0x9b), DEL, NUL and bidi overrides (U+202E)",
            outcome = "escaped as \\x9b, \\x7f, \\x00, \\u202e")
    void c1ControlsAndDirectionOverridesAreEscaped() {
        assertThat(Printable.escaped("a\u009b2Jb\u007f\u0000c\u202ed")).isEqualTo("a\\x9b2Jb\\x7f\\x00c\\u202ed");
    }

    @Test
    void lineBreaksOfAWholeOutputStayButNothingElse() {
        assertThat(Printable.lines("PLATFORM  DIGEST\n  linux/amd64\u001b[2K\n")).isEqualTo(
                "PLATFORM  DIGEST\n  linux/amd64\\e[2K\n");
        assertThat(Printable.escaped("plain text, ünïcode ✓")).isEqualTo("plain text, ünïcode ✓");
    }

    @Test
    void longValuesKeepTheirStartAndSayHowMuchWasLeftOut() {
        String shortened = Printable.value("a".repeat(10_000));

        assertThat(shortened).hasSizeLessThanOrEqualTo(Printable.MESSAGE_VALUE_LENGTH + 30)
                .startsWith("aaaa").endsWith("…(9,830 more characters)");
    }

    @Test
    @FaultCase(area = "output", fault = "a 10,000-character tag on the command line",
            outcome = "InvalidReferenceException whose message quotes the tag shortened (under 600 characters, from 10,000)")
    void aTenThousandCharacterTagIsShortenedInTheMessage() {
        assertThatThrownBy(() -> ImageReference.parse("registry.example.com/app:" + "t".repeat(10_000)))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining("more characters)")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(600));
    }

    @Test
    @FaultCase(area = "output", fault = "an image reference with an ESC sequence and a newline",
            outcome = "InvalidReferenceException quoting it with \\e and \\n, no raw control byte")
    void aReferenceWithControlCharactersIsQuotedEscaped() {
        assertThatThrownBy(() -> ImageReference.parse("registry.example.com/app:\u001b[31m\nx"))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining("\\e[31m\\nx")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b", "\n"));
    }

    @Test
    @FaultCase(area = "output", fault = "a platform and a digest with control characters",
            outcome = "InvalidPlatformException / InvalidReferenceException quoting them escaped")
    void platformsAndDigestsWithControlCharactersAreQuotedEscaped() {
        assertThatThrownBy(() -> Platform.parse("linux/\u001b[2Jamd64"))
                .isInstanceOf(InvalidPlatformException.class)
                .hasMessageContaining("\\e[2J")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b"));
        assertThatThrownBy(() -> Digest.parse("sha256:\r\u001b]0;title\u0007"))
                .isInstanceOf(InvalidReferenceException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b", "\r", "\u0007"));
    }
}
