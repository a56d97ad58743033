package io.jenkins.plugins.multiarch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.multiarch.engine.reference.InvalidReferenceException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Exit status 2 is for the command line's own options and arguments only; every other failure is 1. */
class ErrorHandlerTest {

    private final StringWriter err = new StringWriter();
    private final CommandLine cli = MultiarchCommand.newCommandLine().setErr(new PrintWriter(err, true));

    @Test
    void aUsageErrorIsTwo() {
        int status = new ErrorHandler().handleExecutionException(new UsageException("--jobs must be at least 1, got 0"),
                cli, null);

        assertThat(status).isEqualTo(2);
        assertThat(err).hasToString("multiarch: error: --jobs must be at least 1, got 0" + System.lineSeparator());
    }

    @Test
    void anInvalidReferenceFromARegistryIsAFailureNotAUsageError() {
        // What a malformed Docker-Content-Digest header gives: not the user's input, so not exit 2.
        int status = new ErrorHandler().handleExecutionException(
                new InvalidReferenceException("invalid digest 'sha256:xyz': expected sha256:<64 hex digits>"), cli, null);

        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).startsWith("multiarch: error: invalid digest 'sha256:xyz'");
    }

    @Test
    void parsingMakesTheEnginesRefusalAUsageErrorWithItsMessage() {
        UsageException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> UsageException.parsing(() -> {
                    throw new InvalidReferenceException("repository names must be lowercase");
                }), UsageException.class);

        assertThat(e).hasMessage("repository names must be lowercase").hasCauseInstanceOf(InvalidReferenceException.class);
    }
}
