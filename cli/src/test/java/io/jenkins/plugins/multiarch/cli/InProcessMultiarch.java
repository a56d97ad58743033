package io.jenkins.plugins.multiarch.cli;

import io.jenkins.plugins.multiarch.engine.process.ProgramLookup;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Runs the multiarch command line in this JVM, with output captured: for option checks that never reach a tool. */
final class InProcessMultiarch {

    record Outcome(int exitCode, String stdout, String stderr) {
    }

    private InProcessMultiarch() {
    }

    /** @param setup adjusts the parsed command tree before it runs, e.g. the build command's program lookup */
    static Outcome run(Consumer<CommandLine> setup, String... args) {
        CommandLine cli = MultiarchCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        setup.accept(cli);
        int exitCode = cli.execute(args);
        return new Outcome(exitCode, out.toString(), err.toString());
    }

    /** The build command, with programs looked up by {@code programs} instead of on the PATH. */
    static Outcome build(ProgramLookup programs, String... args) {
        return run(cli -> ((BuildCommand) cli.getSubcommands().get("build").getCommand()).programs = programs, args);
    }
}
