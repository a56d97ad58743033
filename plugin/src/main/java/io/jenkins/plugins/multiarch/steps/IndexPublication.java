package io.jenkins.plugins.multiarch.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.multiarch.actions.MultiArchBuildAction;
import io.jenkins.plugins.multiarch.actions.MultiArchPublishAction;
import io.jenkins.plugins.multiarch.config.MultiArchGlobalConfiguration;
import io.jenkins.plugins.multiarch.engine.error.MultiarchException;
import io.jenkins.plugins.multiarch.engine.publish.PlatformSource;
import io.jenkins.plugins.multiarch.engine.publish.PublishRequest;
import io.jenkins.plugins.multiarch.engine.publish.PublishResult;
import io.jenkins.plugins.multiarch.model.GitMetadata;
import io.jenkins.plugins.multiarch.model.OtherRegistryLogin;
import io.jenkins.plugins.multiarch.model.PlatformBuildRecord;
import io.jenkins.plugins.multiarch.model.PublishedTarget;
import io.jenkins.plugins.multiarch.model.PublishArguments;
import io.jenkins.plugins.multiarch.model.PublishRecord;
import io.jenkins.plugins.multiarch.model.PublishSpec;
import io.jenkins.plugins.multiarch.model.PublishedPlatform;
import io.jenkins.plugins.multiarch.model.SourceSelection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verify, then publish one index, and record it on the run: what the {@code multiArchPublish} step, the freestyle
 * publisher and the matrix aggregation all do. Nothing is written unless every source passes.
 */
public final class IndexPublication {

    /** Stands in for git's tags while the rest of a request is checked, before git is read. */
    private static final GitMetadata GIT_PLACEHOLDER = new GitMetadata(List.of("git"), Map.of());

    private IndexPublication() {
    }

    /** The platform builds recorded on this run, oldest first. */
    public static List<PlatformBuildRecord> recordedBuilds(Run<?, ?> run) {
        List<PlatformBuildRecord> builds = new ArrayList<>();
        for (MultiArchBuildAction action : run.getActions(MultiArchBuildAction.class)) {
            builds.add(action.getRecord());
        }
        return builds;
    }

    /**
     * @param builds the platform builds the sources may come from (when the arguments name no explicit sources)
     * @param workspace where to run the engine: an agent's workspace, or null for the controller
     * @return the index digest
     * @throws AbortException with the engine's message when an argument is bad, a check failed or the registry refused
     * @throws InterruptedException when aborted: the engine has stopped and written no further tag
     */
    public static String run(String function, PublishArguments arguments, List<PlatformBuildRecord> builds,
                             Run<?, ?> run, @CheckForNull FilePath workspace, Map<String, String> environment,
                             TaskListener listener) throws IOException, InterruptedException {
        MultiArchGlobalConfiguration global = MultiArchGlobalConfiguration.get();
        PublishSpec spec;
        List<PlatformSource> sources;
        PublishRequest request;
        try {
            spec = PublishSpec.resolve(arguments, environment, RegistryChoices.of(global.getRegistry()),
                    global.isBinaryCheck(), global.getBinaryBudget(), global.isAllBinaries());
            sources = SourceSelection.select(spec, builds);
            // Checked before any registry is asked anything; git's tags join where the engine runs.
            request = spec.request(sources, spec.needsGit() ? GIT_PLACEHOLDER : GitMetadata.NONE);
        } catch (MultiarchException e) {
            throw StepErrors.abort(function, e);
        }
        RegistryLogin login = RegistryLogin.find(function, run, spec.target());
        Map<String, RegistryLogin> others = new LinkedHashMap<>();
        for (OtherRegistryLogin other : spec.otherLogins()) {
            others.put(other.registry(), RegistryLogin.find(function, run, other));
        }
        String loginText = LoginText.of(spec.target().credentialsId());
        listener.getLogger().println(spec.tagsFromGit()
                ? Messages.MultiArchPublishStep_StartingFromGit(function, spec.target().reference().repositoryName(),
                        request.sources().size(), spec.tags().isEmpty() ? "-" : String.join(", ", spec.tags()), loginText)
                : Messages.MultiArchPublishStep_Starting(function, request.target(), String.join(", ", request.tags()),
                        request.sources().size(), loginText));
        PublishJob job = new PublishJob(function, spec, sources, environment, listener,
                new AgentLogins(spec.target().registry(), login, others));
        PublishResult result = workspace == null ? job.run(null) : workspace.act(new PublishOnAgent(job));
        PublishRecord record = PublishRecord.of(result, builds);
        if (!result.dryRun()) {
            run.addAction(new MultiArchPublishAction(record));
            run.save();
        }
        for (PublishedPlatform platform : record.getPlatforms()) {
            listener.getLogger().println(Messages.MultiArchPublishStep_Platform(platform.getPlatform(),
                    platform.getDigest(), platform.getVerification()));
        }
        for (PublishedTarget target : record.getAlsoTo()) {
            listener.getLogger().println(Messages.MultiArchPublishStep_Target(target.getRepository(),
                    String.join(", ", target.getTags())));
        }
        listener.getLogger().println(result.dryRun()
                ? Messages.MultiArchPublishStep_DryRun(function, record.getReference())
                : Messages.MultiArchPublishStep_Published(function, record.getReference(),
                        String.join(", ", record.getTags())));
        return record.getIndexDigest();
    }
}
