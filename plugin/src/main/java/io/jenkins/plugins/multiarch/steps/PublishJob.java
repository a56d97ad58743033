package io.jenkins.plugins.multiarch.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.TaskListener;
import io.jenkins.plugins.multiarch.engine.Multiarch;
import io.jenkins.plugins.multiarch.engine.error.MultiarchException;
import io.jenkins.plugins.multiarch.engine.gitmeta.GitPublishMetadata;
import io.jenkins.plugins.multiarch.engine.gitmeta.GitTagRequest;
import io.jenkins.plugins.multiarch.engine.host.Host;
import io.jenkins.plugins.multiarch.engine.process.LocalCommandRunner;
import io.jenkins.plugins.multiarch.engine.publish.PlatformSource;
import io.jenkins.plugins.multiarch.engine.publish.PublishRequest;
import io.jenkins.plugins.multiarch.engine.publish.PublishResult;
import io.jenkins.plugins.multiarch.engine.util.Printable;
import io.jenkins.plugins.multiarch.model.GitMetadata;
import io.jenkins.plugins.multiarch.model.GitVariables;
import io.jenkins.plugins.multiarch.model.PublishSpec;
import io.jenkins.plugins.multiarch.model.StepLog;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One verify-then-publish by the engine, where it runs: on the controller, or inside {@link PublishOnAgent} on the
 * agent of the enclosing {@code node}. With {@code tagsFromGit}/{@code annotationsFromGit} it first reads the
 * build's git state there: the CI variables of the build's environment, then git in the workspace (an agent's only:
 * no git runs on the controller). Serializable only to travel; never stored (it carries the passwords).
 */
final class PublishJob implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String function;
    private final PublishSpec spec;
    private final ArrayList<PlatformSource> sources;
    private final HashMap<String, String> environment;
    private final TaskListener listener;
    private final AgentLogins logins;

    /**
     * @param environment the build's environment (the git state's CI variables; git's {@code PATH} on the agent)
     */
    PublishJob(String function, PublishSpec spec, List<PlatformSource> sources, Map<String, String> environment,
               TaskListener listener, AgentLogins logins) {
        this.function = function;
        this.spec = spec;
        this.sources = new ArrayList<>(sources);
        this.environment = new HashMap<>(GitVariables.forEngine(environment));
        this.listener = listener;
        this.logins = logins;
    }

    /**
     * Reads git if asked, verifies every source, then writes the index under every tag in every target; nothing is
     * written unless all pass.
     *
     * @param gitDirectory the workspace on the agent, or null on the controller
     * @throws AbortException with the engine's message when git cannot tell, a check failed or a registry refused
     * @throws InterruptedException when aborted: the engine has stopped and written no further tag
     */
    PublishResult run(@CheckForNull Path gitDirectory) throws AbortException, InterruptedException {
        Host host = logins.applyTo(Host.explicit().withLog(StepLog.into(listener.getLogger(), "", logins.secrets())));
        try (Multiarch engine = Multiarch.create()) {
            GitMetadata git = spec.needsGit() ? git(engine, host, gitDirectory) : GitMetadata.NONE;
            PublishRequest request = spec.request(sources, git);
            return engine.publish(request, host);
        } catch (MultiarchException e) {
            throw StepErrors.abort(function, e);
        }
    }

    private GitMetadata git(Multiarch engine, Host host, Path gitDirectory) throws AbortException, InterruptedException {
        if (gitDirectory == null && !GitVariables.namesRef(environment)) {
            throw new AbortException(Messages.MultiArchPublishStep_NoGitState(function));
        }
        Host gitHost = host.withEnvironment(environment);
        if (gitDirectory != null) {
            gitHost = gitHost.withCommands(new LocalCommandRunner(environment));
        }
        Path directory = gitDirectory != null ? gitDirectory : Path.of(".");
        GitPublishMetadata git = engine.gitMetadata(new GitTagRequest(spec.target().reference(), directory,
                spec.target().registrySettings()), spec.tagsFromGit(), spec.annotationsFromGit(), gitHost);
        log(git.state() + (git.tags().isEmpty() ? "" : "; tags " + String.join(", ", git.tags())));
        git.notes().forEach(this::log);
        return new GitMetadata(git.tags(), git.annotations());
    }

    private void log(String line) {
        listener.getLogger().println(Messages.MultiArchPublishStep_Git(function, Printable.escaped(line)));
    }

    @Override
    public String toString() {
        return "PublishJob[" + spec.target() + "]"; // no password
    }
}
