package io.jenkins.plugins.multiarch.steps;

import hudson.model.Computer;

/** The name a build record gives the node a step ran on. */
final class AgentName {

    /** What Jenkins itself calls the controller's own node (NODE_NAME). */
    static final String BUILT_IN = "built-in";

    private AgentName() {
    }

    static String of(Computer computer) {
        String name = computer == null ? "" : computer.getName();
        return name == null || name.isEmpty() ? BUILT_IN : name;
    }
}
