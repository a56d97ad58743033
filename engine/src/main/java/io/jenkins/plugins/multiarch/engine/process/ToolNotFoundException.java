package io.jenkins.plugins.multiarch.engine.process;

import io.jenkins.plugins.multiarch.engine.error.MultiarchException;

/** The program a command names is not installed or not on the PATH. */
public final class ToolNotFoundException extends MultiarchException {

    private static final long serialVersionUID = 1L;

    private final String tool;

    public ToolNotFoundException(String tool, Throwable cause) {
        super("'" + tool + "' is not installed or not on the PATH; install it or choose another builder", cause);
        this.tool = tool;
    }

    /** With a message that says more: which builder needs it, what to install. */
    public ToolNotFoundException(String message, String tool) {
        super(message);
        this.tool = tool;
    }

    /** The program that is missing. */
    public String tool() {
        return tool;
    }
}
