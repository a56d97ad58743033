package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.error.MultiarchException;

import io.jenkins.plugins.multiarch.engine.platform.Platform;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One platform's build failed. The message names the platform and, for a failed command, the command (which
 * never holds a secret), its exit code and its last lines of output (secrets masked).
 */
public final class PlatformBuildException extends MultiarchException {

    private final Platform platform;
    private final String summary;
    private final String command;
    private final Integer exitCode;
    private final List<String> lastLines;

    private PlatformBuildException(Platform platform, String message, String summary, String command, Integer exitCode,
                                   List<String> lastLines, Throwable cause) {
        super(message, cause);
        this.platform = Objects.requireNonNull(platform, "platform");
        this.summary = summary;
        this.command = command;
        this.exitCode = exitCode;
        this.lastLines = List.copyOf(lastLines);
    }

    /** A command that exited with a non-zero code. */
    public static PlatformBuildException commandFailed(Platform platform, String step, String command, int exitCode,
                                                       List<String> lastLines) {
        String summary = platform + ": " + step + " failed with exit code " + exitCode + ": " + command;
        StringBuilder message = new StringBuilder(summary);
        if (!lastLines.isEmpty()) {
            message.append("\nlast ").append(lastLines.size()).append(" lines of output:");
            lastLines.forEach(l -> message.append("\n  ").append(l));
        }
        return new PlatformBuildException(platform, message.toString(), summary, command, exitCode, lastLines, null);
    }

    /** Anything else: a missing tool, an unreadable digest, a workspace that could not be made. */
    public static PlatformBuildException of(Platform platform, String what, Throwable cause) {
        String detail = cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage();
        String message = platform + ": " + what + detail;
        return new PlatformBuildException(platform, message, message, null, null, List.of(), cause);
    }

    public Platform platform() {
        return platform;
    }

    /** The message without the command's output, for where that output was already shown (a terminal). */
    public String summary() {
        return summary;
    }

    /** The failed command as displayed, if a command failed. */
    public Optional<String> command() {
        return Optional.ofNullable(command);
    }

    public OptionalInt exitCode() {
        return exitCode == null ? OptionalInt.empty() : OptionalInt.of(exitCode);
    }

    public List<String> lastLines() {
        return lastLines;
    }
}
