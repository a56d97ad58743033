package io.jenkins.plugins.multiarch.engine.process;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Shows an argv as a person would type it, for logs and error messages. */
public final class CommandLines {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private CommandLines() {
    }

    /** POSIX-shell quoting of each argument that needs it; for display only, never executed. */
    public static String display(List<String> argv) {
        return argv.stream().map(CommandLines::quote).collect(Collectors.joining(" "));
    }

    static String quote(String arg) {
        if (!arg.isEmpty() && SAFE.matcher(arg).matches()) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
