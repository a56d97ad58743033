package io.jenkins.plugins.multiarch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code multiarch} command: build, publish, verify and inspect multi-architecture images. */
@Command(name = "multiarch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Publishes verified multi-architecture container images (OCI image index or Docker manifest list).",
        subcommands = {BuildCommand.class, PublishCommand.class, VerifyCommand.class, InspectCommand.class,
                CommandLine.HelpCommand.class})
public final class MultiarchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code: 0 done, 1 failed, 2 bad usage. */
    public static int execute(String... args) {
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new MultiarchCommand());
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setParameterExceptionHandler(new ErrorHandler());
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: use build, publish, verify or inspect");
    }
}
