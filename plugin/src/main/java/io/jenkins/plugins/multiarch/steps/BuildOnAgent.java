package io.jenkins.plugins.multiarch.steps;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.multiarch.engine.Multiarch;
import io.jenkins.plugins.multiarch.engine.error.MultiarchException;
import io.jenkins.plugins.multiarch.engine.host.Host;
import io.jenkins.plugins.multiarch.engine.host.HostPlatform;
import io.jenkins.plugins.multiarch.engine.imagebuild.BuildRequest;
import io.jenkins.plugins.multiarch.engine.imagebuild.BuildResult;
import io.jenkins.plugins.multiarch.engine.imagebuild.LocalBuildWorkspace;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.process.LocalCommandRunner;
import io.jenkins.plugins.multiarch.engine.process.ProgramLookup;
import io.jenkins.plugins.multiarch.model.BuildSpec;
import io.jenkins.plugins.multiarch.model.StepLog;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One platform's build, run by the engine in the agent's JVM on the agent's workspace: the build's processes start
 * there with the build's environment (not the agent process's), their scratch directories go under the workspace's
 * {@code @tmp}, and the image is pushed from there, so no layer passes through the controller.
 *
 * <p>Sent to the agent over the remoting channel and never stored: it is the only place the password travels.
 * Interrupting the controller's thread waiting in {@code FilePath.act} sends a cancel that interrupts the thread
 * running this on the agent (remoting's {@code Request.Cancel}), and the engine then stops the build's processes.
 */
final class BuildOnAgent extends jenkins.MasterToSlaveFileCallable<BuildResult> {

    private static final long serialVersionUID = 1L;

    private final BuildSpec spec;
    private final String scratchDirectory;
    private final HashMap<String, String> environment;
    private final TaskListener listener;
    private final String username;
    private final String password;

    BuildOnAgent(BuildSpec spec, String scratchDirectory, Map<String, String> environment, TaskListener listener,
                 RegistryLogin login) {
        this.spec = spec;
        this.scratchDirectory = scratchDirectory;
        this.environment = new HashMap<>(environment);
        this.listener = listener;
        this.username = login.username();
        this.password = login.password();
    }

    /** @throws hudson.AbortException for a bad argument or a failed build, in the engine's words */
    @Override
    public BuildResult invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        Optional<Platform> agentPlatform = HostPlatform.ofThisJvm();
        try {
            BuildRequest request = spec.request(workspace.toPath(), agentPlatform);
            Platform platform = request.platforms().get(0);
            Path scratch = Files.createDirectories(Path.of(scratchDirectory));
            Host host = Host.explicit()
                    .withCommands(new LocalCommandRunner(environment))
                    .withPrograms(ProgramLookup.onPath(environment.get("PATH")))
                    .withWorkspaces(LocalBuildWorkspace.factory(scratch))
                    .withLog(StepLog.into(listener.getLogger(), "[" + platform + "] ",
                            AgentCredentials.secrets(username, password)));
            if (agentPlatform.isPresent()) {
                host = host.withPlatform(agentPlatform.get());
            }
            host = AgentCredentials.withLogin(host, spec.target().registry(), username, password);
            try (Multiarch engine = Multiarch.create()) {
                return engine.build(request, host);
            }
        } catch (MultiarchException e) {
            throw StepErrors.abort(MultiArchBuildStep.FUNCTION, e);
        }
    }

    @Override
    public String toString() {
        return "BuildOnAgent[" + spec.target() + "]"; // no password
    }
}
