package io.jenkins.plugins.multiarch.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class IdleTimeoutInputStreamTest {

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS) // without the watchdog the read below never returns
    void aBodyThatStopsArrivingFailsInsteadOfBlockingForever() throws Exception {
        PipedOutputStream registry = new PipedOutputStream();
        PipedInputStream body = new PipedInputStream(registry);
        registry.write(new byte[] {1, 2, 3});
        try (IdleTimeoutInputStream in = new IdleTimeoutInputStream(body, Duration.ofSeconds(1), "blob app@sha256:abc")) {
            assertThat(in.readNBytes(3)).containsExactly(1, 2, 3);

            assertThatThrownBy(in::read)
                    .isInstanceOf(InterruptedIOException.class)
                    .hasMessage("no data from the registry for 1 s while reading blob app@sha256:abc");
            assertThat(Thread.currentThread().isInterrupted()).as("the watchdog's interrupt is cleared").isFalse();
        }
    }

    @Test
    void dataThatKeepsComingIsReadWhole() throws Exception {
        byte[] content = new byte[100_000];
        try (IdleTimeoutInputStream in = new IdleTimeoutInputStream(new java.io.ByteArrayInputStream(content),
                Duration.ofSeconds(1), "blob")) {
            assertThat(in.readAllBytes()).hasSize(content.length);
        }
    }
}
