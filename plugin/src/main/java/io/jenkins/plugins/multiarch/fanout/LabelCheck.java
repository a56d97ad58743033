package io.jenkins.plugins.multiarch.fanout;

/** Whether Jenkins has somewhere to run a label expression: an agent or a cloud. */
@FunctionalInterface
public interface LabelCheck {

    /** Null when some agent or cloud can take builds for this label expression; else why not, for the user. */
    String problem(String labelExpression);
}
