package io.jenkins.plugins.multiarch.cli;

import io.jenkins.plugins.multiarch.engine.util.Printable;
import io.jenkins.plugins.multiarch.engine.error.AccessDeniedException;
import io.jenkins.plugins.multiarch.engine.error.RegistryUnreachableException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns failures into one clear line on standard error (more lines only where there are several problems),
 * never a stack trace: the messages already say what went wrong and what to do.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    static final int FAILED = 1;
    static final int USAGE = 2;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parseResult) {
        PrintWriter err = cli.getErr();
        String message = (ex.getMessage() == null ? ex.toString() : ex.getMessage()) + hint(ex);
        // The message may quote a registry or the user: nothing in it may steer the terminal or forge a line.
        err.println("multiarch: error: " + Printable.lines(message));
        err.flush();
        // Only the command line's own options and arguments are usage errors; see UsageException.
        return ex instanceof UsageException ? USAGE : FAILED;
    }

    /** What to do about it in this command's terms: the engine's messages name no command-line flag. */
    static String hint(Throwable ex) {
        if (ex instanceof AccessDeniedException denied && denied.reason() == AccessDeniedException.Reason.NO_CREDENTIALS) {
            return ": pass --username with --password-stdin, or log in with docker login " + denied.registry();
        }
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RegistryUnreachableException tls && tls.certificateNotTrusted()) {
                return ": pass the CA's certificate with --ca-cert FILE (PEM), or --ca-cert " + tls.registry()
                        + "=FILE for this registry alone";
            }
        }
        return "";
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        PrintWriter err = ex.getCommandLine().getErr();
        err.println("multiarch: error: " + Printable.lines(ex.getMessage()));
        err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return USAGE;
    }
}
