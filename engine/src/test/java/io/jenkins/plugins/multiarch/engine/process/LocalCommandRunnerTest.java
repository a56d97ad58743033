package io.jenkins.plugins.multiarch.engine.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalCommandRunnerTest {

    private final LocalCommandRunner runner = new LocalCommandRunner();
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Test
    void streamsStdoutAndStderrLineByLineAndReturnsTheExitCode() throws Exception {
        int code = runner.run(List.of("sh", "-c", "echo one; echo two >&2; printf 'no newline'; exit 3"),
                Map.of(), null, lines::add);

        assertThat(code).isEqualTo(3);
        assertThat(lines).containsExactlyInAnyOrder("one", "two", "no newline");
    }

    @Test
    void addsEnvironmentAndUsesTheWorkingDirectory(@TempDir Path dir) throws Exception {
        int code = runner.run(List.of("sh", "-c", "echo \"$GREETING\"; pwd; echo \"$PATH\" | grep -c /"),
                Map.of("GREETING", "hello there"), dir, lines::add);

        assertThat(code).isZero();
        assertThat(lines).containsExactly("hello there", dir.toRealPath().toString(), "1");
    }

    @Test
    void argumentsAreNotInterpretedByAShell() throws Exception {
        runner.run(List.of("echo", "$HOME", "a;b", "'q'"), Map.of(), null, lines::add);

        assertThat(lines).containsExactly("$HOME a;b 'q'");
    }

    @Test
    void aMissingProgramIsNamed() {
        assertThatThrownBy(() -> runner.run(List.of("no-such-builder-xyz", "bud"), Map.of(), null, lines::add))
                .isInstanceOf(ToolNotFoundException.class)
                .hasMessage("'no-such-builder-xyz' is not installed or not on the PATH; install it or choose another builder");
    }

    @Test
    void aMissingWorkingDirectoryIsNotMistakenForAMissingProgram(@TempDir Path dir) {
        Path missing = dir.resolve("gone");

        assertThatThrownBy(() -> runner.run(List.of("true"), Map.of(), missing, lines::add))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(ToolNotFoundException.class)
                .hasMessage("working directory '" + missing + "' does not exist or is not a directory");
    }

    @Test
    void standardInputIsEmpty() throws Exception {
        int code = runner.run(List.of("sh", "-c", "cat; echo done"), Map.of(), null, lines::add);

        assertThat(code).isZero();
        assertThat(lines).containsExactly("done");
    }

    @Test
    @Timeout(20)
    void interruptionStopsTheProcess() throws Exception {
        // The process prints its pid, then waits; the test interrupts once that line has arrived, not after a delay.
        CountDownLatch started = new CountDownLatch(1);
        AtomicLong pid = new AtomicLong();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                runner.run(List.of("sh", "-c", "echo $$; exec sleep 60"), Map.of(), null, line -> {
                    pid.set(Long.parseLong(line.strip()));
                    started.countDown();
                });
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        worker.start();
        assertThat(started.await(15, TimeUnit.SECONDS)).as("the process printed its pid").isTrue();

        worker.interrupt();
        worker.join(15_000);

        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(ProcessHandle.of(pid.get()).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    }

    @Test
    void aSinkThatThrowsDoesNotHangTheProcess() {
        assertThatThrownBy(() -> runner.run(List.of("sh", "-c", "seq 1 100000"), Map.of(), null, line -> {
            throw new IllegalStateException("sink broke");
        })).isInstanceOf(IllegalStateException.class).hasMessage("sink broke");
    }
}
