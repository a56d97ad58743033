package io.jenkins.plugins.multiarch.engine.process;

import java.io.IOException;

/** The program a command names is not installed or not on the PATH. */
public final class ToolNotFoundException extends IOException {

    private final String tool;

    public ToolNotFoundException(String tool, Throwable cause) {
        super("'" + tool + "' is not installed or not on the PATH; install it or choose another builder", cause);
        this.tool = tool;
    }

    public String tool() {
        return tool;
    }
}
