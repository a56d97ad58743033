package io.jenkins.plugins.multiarch.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Computer;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.slaves.WorkspaceList;
import io.jenkins.plugins.multiarch.actions.MultiArchBuildAction;
import io.jenkins.plugins.multiarch.config.MultiArchGlobalConfiguration;
import io.jenkins.plugins.multiarch.engine.error.MultiarchException;
import io.jenkins.plugins.multiarch.engine.imagebuild.BuildResult;
import io.jenkins.plugins.multiarch.engine.imagebuild.PlatformBuildResult;
import io.jenkins.plugins.multiarch.model.BuildArguments;
import io.jenkins.plugins.multiarch.model.BuildSpec;
import io.jenkins.plugins.multiarch.model.PlatformBuildRecord;
import java.io.IOException;

/**
 * One platform's image built on the agent that holds the workspace and pushed by digest, then recorded on the run:
 * what the {@code multiArchBuild} step and the freestyle build step both do. Credentials are resolved here, on the
 * controller, and travel to the agent only inside the in-flight {@link BuildOnAgent}.
 */
public final class PlatformImageBuild {

    private PlatformImageBuild() {
    }

    /**
     * @param function the step's name, for messages
     * @param computer the agent the workspace is on, for the record (null: named after the workspace)
     * @return the record, already added to the run as a {@link MultiArchBuildAction}
     * @throws AbortException for a bad argument, missing credentials or a failed build, in the engine's words
     * @throws InterruptedException when aborted: the build's processes have been stopped on the agent
     */
    public static PlatformBuildRecord run(String function, BuildArguments arguments, Run<?, ?> run, FilePath workspace,
                                          EnvVars environment, Computer computer, TaskListener listener)
            throws IOException, InterruptedException {
        MultiArchGlobalConfiguration global = MultiArchGlobalConfiguration.get();
        BuildSpec spec;
        try {
            spec = BuildSpec.resolve(arguments, environment, global.getDefaultBuilder(),
                    RegistryChoices.of(global.getRegistry()));
        } catch (MultiarchException e) {
            throw StepErrors.abort(function, e);
        }
        RegistryLogin login = RegistryLogin.find(function, run, spec.target());
        String agent = AgentName.of(computer);
        listener.getLogger().println(Messages.MultiArchBuildStep_Starting(function, spec.target().reference(),
                spec.platform().map(Object::toString).orElse(Messages.MultiArchBuildStep_AgentPlatform()), agent,
                LoginText.of(spec.target().credentialsId())));
        long start = System.currentTimeMillis();
        FilePath scratch = WorkspaceList.tempDir(workspace);
        BuildResult result = workspace.act(new BuildOnAgent(spec, scratch.getRemote(), environment, listener, login));
        long duration = System.currentTimeMillis() - start;
        if (result.images().size() != 1) {
            throw new AbortException(Messages.MultiArchBuildStep_NotOneImage(function, result.images().size()));
        }
        PlatformBuildResult image = result.images().get(0);
        PlatformBuildRecord record = new PlatformBuildRecord(spec.target().reference().repositoryName(),
                image.platform().toString(), image.digest().toString(), agent, result.tool(), start, duration);
        // one action per platform build: parallel branches add theirs concurrently, and addAction only appends
        run.addAction(new MultiArchBuildAction(record));
        run.save();
        listener.getLogger().println(Messages.MultiArchBuildStep_Built(function, record.getPlatform(),
                record.getReference(), record.getDurationText()));
        return record;
    }
}
