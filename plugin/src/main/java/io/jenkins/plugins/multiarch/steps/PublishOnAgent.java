package io.jenkins.plugins.multiarch.steps;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.multiarch.engine.publish.PublishResult;
import java.io.File;
import java.io.IOException;

/**
 * A {@link PublishJob} run on the agent of the enclosing {@code node} (its network may be the one that reaches the
 * registry; its workspace has the checkout git reads). Interrupting the controller's waiting thread cancels it on the
 * agent, as for {@link BuildOnAgent}.
 */
final class PublishOnAgent extends jenkins.MasterToSlaveFileCallable<PublishResult> {

    private static final long serialVersionUID = 1L;

    private final PublishJob job;

    PublishOnAgent(PublishJob job) {
        this.job = job;
    }

    @Override
    public PublishResult invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        return job.run(workspace.toPath());
    }
}
