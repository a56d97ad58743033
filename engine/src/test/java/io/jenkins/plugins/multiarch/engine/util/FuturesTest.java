package io.jenkins.plugins.multiarch.engine.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.multiarch.engine.error.AccessDeniedException;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class FuturesTest {

    @Test
    void theWorksOwnExceptionComesOutNotACompletionException() {
        AccessDeniedException denied = AccessDeniedException.of("r", "registry r denied HEAD app:1 (HTTP 403)",
                AccessDeniedException.Reason.NOT_PERMITTED, 403, java.util.List.of());
        CompletableFuture<String> failed = CompletableFuture.supplyAsync(() -> {
            throw denied;
        });

        assertThatThrownBy(() -> Futures.await(failed))
                .isSameAs(denied)
                .hasMessage("registry r denied HEAD app:1 (HTTP 403)");
    }

    @Test
    void nestedWrappersAreAllTakenOff() {
        IllegalStateException inner = new IllegalStateException("inner");

        assertThat(Futures.unwrap(new CompletionException(new CompletionException(inner)))).isSameAs(inner);
    }

    @Test
    void aCheckedCauseKeepsItsOwnMessage() {
        IOException io = new IOException("connection reset");

        RuntimeException unwrapped = Futures.unwrap(new CompletionException(io));

        assertThat(unwrapped).hasMessage("connection reset").hasCause(io);
    }

    @Test
    void anErrorIsRethrownAsItIs() {
        AssertionError error = new AssertionError("bug");

        assertThatThrownBy(() -> Futures.unwrap(new CompletionException(error))).isSameAs(error);
    }

    @Test
    void aResultIsReturned() {
        assertThat(Futures.await(CompletableFuture.completedFuture("done"))).isEqualTo("done");
    }

    @Test
    void anExceptionWithoutMessageIsNamedByItsSimpleClassName() {
        assertThat(Futures.messageOf(new NullPointerException())).isEqualTo("NullPointerException");
        assertThat(Futures.messageOf(new IllegalStateException("said"))).isEqualTo("said");
    }
}
