package io.jenkins.plugins.multiarch.engine.process;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineSinksTest {

    private final List<String> out = new ArrayList<>();

    @Test
    void prefixesEveryLineWithThePlatform() {
        LineSink sink = PrefixingLineSink.bracketed("linux/arm64", out::add);

        sink.line("Step 1/3");
        sink.line("");

        assertThat(out).containsExactly("[linux/arm64] Step 1/3", "[linux/arm64] ");
    }

    @Test
    void tailKeepsTheLastLines() {
        TailLineSink tail = new TailLineSink(2);
        List.of("a", "b", "c").forEach(tail::line);

        assertThat(tail.lines()).containsExactly("b", "c");
    }

    @Test
    void maskerHidesEverySecretLongestFirst() {
        SecretMasker masker = new SecretMasker(List.of("abc", "abcdef", ""));

        masker.masking(out::add).line("x abcdef y abc z");

        assertThat(out).containsExactly("x **** y **** z");
        assertThat(SecretMasker.none().mask("abc")).isEqualTo("abc");
    }

    @Test
    void commandLinesAreShownQuotedOnlyWhereNeeded() {
        assertThat(CommandLines.display(List.of("buildah", "bud", "--label", "a=b c", "--build-arg", "X=", "it's", "")))
                .isEqualTo("buildah bud --label 'a=b c' --build-arg X= 'it'\\''s' ''");
    }
}
