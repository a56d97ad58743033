package io.jenkins.plugins.multiarch.pipeline;

import hudson.model.Label;
import io.jenkins.plugins.multiarch.fanout.LabelCheck;

/**
 * Asks Jenkins whether a label expression can get an executor: an agent with executors that matches it (online or
 * not: it may be starting) or a cloud that can provision it. Otherwise {@code node(label)} would wait in the queue
 * for ever, after the other platforms have built.
 */
final class JenkinsLabelCheck implements LabelCheck {

    @Override
    public String problem(String labelExpression) {
        Label label;
        try {
            label = Label.parseExpression(labelExpression);
        } catch (IllegalArgumentException e) {
            return Messages.JenkinsLabelCheck_Invalid(labelExpression, e.getMessage());
        }
        return label.isAssignable() ? null : Messages.JenkinsLabelCheck_NoAgent(labelExpression);
    }
}
