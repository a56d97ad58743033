package io.jenkins.plugins.multiarch.engine.error;

/**
 * The thread that asked for the work was interrupted (a Jenkins step was aborted, the CLI got SIGTERM), so the work
 * stopped: requests cancelled, processes killed, no further tag written. Thrown inside the engine where a checked
 * {@link InterruptedException} cannot pass (futures, lambdas); the thread's interrupt flag is set again when it is
 * thrown, and the facade turns it back into an {@code InterruptedException}.
 */
public class CancelledException extends MultiarchException {

    private static final long serialVersionUID = 1L;

    public CancelledException(String message) {
        super(message);
    }

    public CancelledException(String message, Throwable cause) {
        super(message, cause);
    }

    /** For a caught interrupt: sets the flag again, so that waits further up the stack stop too. */
    public static CancelledException of(String what, InterruptedException cause) {
        Thread.currentThread().interrupt();
        return new CancelledException("interrupted " + what, cause);
    }
}
