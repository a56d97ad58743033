package io.jenkins.plugins.multiarch.model;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.multiarch.engine.process.LineSink;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepLogTest {

    @Test
    void linesArePrefixedOnceAndSecretsMasked() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LineSink log = StepLog.into(new PrintStream(bytes, true, StandardCharsets.UTF_8), "[linux/arm64] ",
                List.of("hunter2", "Ym9iOmh1bnRlcjI="));
        log.line("STEP 1/2: FROM scratch");
        log.line("[linux/arm64] pushing");
        log.line("auth: {\"auth\":\"Ym9iOmh1bnRlcjI=\"} password hunter2");

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList(), contains(
                "[linux/arm64] STEP 1/2: FROM scratch",
                "[linux/arm64] pushing",
                "[linux/arm64] auth: {\"auth\":\"****\"} password ****"));
    }

    @Test
    void withoutPrefixOrSecretsLinesPassUnchanged() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StepLog.into(new PrintStream(bytes, true, StandardCharsets.UTF_8), "", List.of()).line("verified linux/amd64");
        assertEquals("verified linux/amd64" + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
    }
}
