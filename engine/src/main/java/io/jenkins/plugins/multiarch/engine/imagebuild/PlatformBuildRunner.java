package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;

import io.jenkins.plugins.multiarch.engine.imagebuild.tool.BuildWorkspace;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.PlatformBuild;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.BuildPlan;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.BuildTool;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.Invocation;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.RegistryAuth;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.StepKind;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.StepOutputs;
import io.jenkins.plugins.multiarch.engine.process.CommandRunner;
import io.jenkins.plugins.multiarch.engine.process.LineSink;
import io.jenkins.plugins.multiarch.engine.process.PrefixingLineSink;
import io.jenkins.plugins.multiarch.engine.process.SecretMasker;
import io.jenkins.plugins.multiarch.engine.process.TailLineSink;
import io.jenkins.plugins.multiarch.engine.process.ToolNotFoundException;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.registry.auth.Credentials;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Builds and pushes one platform's image: makes a private workspace, writes the auth file there if there are
 * credentials, runs the builder's plan (deleting the auth file after the last step that names it), reads the digest, uploads the OCI layout the plan left if it left one
 * ({@link LayoutUploader}), and always deletes the workspace (with the auth file and the layout), also on failure;
 * the plan's cleanup runs whenever its BUILD step succeeded (before that there is no local image to remove). Output goes to the sink line by line as
 * {@code [linux/arm64] ...}, secrets masked. Safe to use from several threads at once if the sink is.
 */
public final class PlatformBuildRunner {

    /** How many lines of a failed command's output an exception carries. */
    static final int TAIL_LINES = 40;
    static final Path AUTH_DIR = Path.of("auth");

    private final BuildTool tool;
    private final CommandRunner runner;
    private final BuildWorkspaceFactory workspaces;
    private final Map<String, Credentials> credentials;
    private final SecretMasker masker;
    private final LineSink output;
    private final LayoutUploader uploader;
    private final BuildProgress progress;
    private final Path userDockerConfig;
    /**
     * Builds into one local image store may share a layer: the builder reuses one that another platform's image
     * already holds. Removing an image deletes the layers no other image holds, so a removal while another
     * platform's build commits can take the very layer that commit reuses (buildah: "creating image ...: layer not
     * known", seen with {@code build --jobs 4}). So BUILD steps hold this shared and cleanups exclusively; fair, so a
     * waiting cleanup is not starved by builds that start after it.
     */
    private final ReentrantReadWriteLock localImages = new ReentrantReadWriteLock(true);

    /**
     * @param credentials      registry host → login for the push and the build's base-image pulls, given to the tool
     *                         in a private auth file; empty to use the tool's own login
     * @param output           receives all output; shared by parallel builds, so make it thread-safe
     * @param uploader         puts the OCI layouts buildah and podman write into the registry
     * @param userDockerConfig the Docker config directory, where the commands run, that a temporary
     *                         {@code DOCKER_CONFIG} (docker, buildx, kaniko) starts from; empty for the credentials alone
     */
    public PlatformBuildRunner(BuildTool tool, CommandRunner runner, BuildWorkspaceFactory workspaces,
                               Map<String, Credentials> credentials, LineSink output, LayoutUploader uploader,
                               BuildProgress progress, Optional<Path> userDockerConfig) {
        this.tool = Objects.requireNonNull(tool, "tool");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
        this.credentials = Map.copyOf(credentials);
        this.masker = new SecretMasker(DockerConfigJson.secretsIn(this.credentials));
        this.output = Objects.requireNonNull(output, "output");
        this.uploader = Objects.requireNonNull(uploader, "uploader");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.userDockerConfig = userDockerConfig.orElse(null);
    }

    /**
     * A runner without a layout uploader (buildah and podman builds then fail at the upload), progress reports or user
     * Docker config; the {@code with...} methods add them.
     */
    public PlatformBuildRunner(BuildTool tool, CommandRunner runner, BuildWorkspaceFactory workspaces,
                               Map<String, Credentials> credentials, LineSink output) {
        this(tool, runner, workspaces, credentials, output, LayoutUploader.none(), BuildProgress.none(), Optional.empty());
    }

    /** The same runner, uploading OCI layouts (buildah, podman) with {@code value}. */
    public PlatformBuildRunner withLayoutUploader(LayoutUploader value) {
        return new PlatformBuildRunner(tool, runner, workspaces, credentials, output, value, progress,
                Optional.ofNullable(userDockerConfig));
    }

    /** The same runner, reporting each platform's phases to {@code value}. */
    public PlatformBuildRunner withProgress(BuildProgress value) {
        return new PlatformBuildRunner(tool, runner, workspaces, credentials, output, uploader, value,
                Optional.ofNullable(userDockerConfig));
    }

    /** The same runner, starting temporary Docker configs from the one in {@code dir} (null: none). */
    public PlatformBuildRunner withUserDockerConfig(Path dir) {
        return new PlatformBuildRunner(tool, runner, workspaces, credentials, output, uploader, progress,
                Optional.ofNullable(dir));
    }

    public BuildTool tool() {
        return tool;
    }

    /** For phases decided outside a build: queued, skipped ({@link ParallelBuilds}). */
    void report(PlatformBuild build, BuildPhase phase) {
        progress.phase(build.platform(), phase);
    }

    /**
     * Builds and pushes {@code build}.
     *
     * @throws PlatformBuildException naming the platform and what failed
     * @throws InterruptedException   if interrupted; the running command is stopped and cleanup still runs
     */
    public PlatformBuildResult build(PlatformBuild build) throws PlatformBuildException, InterruptedException {
        LineSink log = masker.masking(PrefixingLineSink.bracketed(build.platform().toString(), output));
        long started = System.nanoTime();
        boolean succeeded = false;
        progress.phase(build.platform(), BuildPhase.BUILDING);
        try {
            BuildWorkspace workspace;
            try {
                workspace = workspaces.create(build);
            } catch (IOException e) {
                throw PlatformBuildException.of(build.platform(), "could not create a build workspace", e);
            }
            try {
                RegistryAuth auth = writeAuth(build, workspace, log);
                BuildPlan plan = plan(build, workspace, auth);
                // Whether a BUILD step made a local image, i.e. whether the cleanup has anything to remove.
                boolean built = false;
                try {
                    StepOutputs outputs = StepOutputs.empty();
                    int lastAuthStep = lastStepNaming(plan.steps(), auth);
                    for (int i = 0; i < plan.steps().size(); i++) {
                        Invocation step = plan.steps().get(i);
                        progress.phase(build.platform(), step.kind() == StepKind.PUSH ? BuildPhase.PUSHING : BuildPhase.BUILDING);
                        Lock imageStore = step.kind() == StepKind.BUILD ? localImages.readLock() : null;
                        if (imageStore != null) {
                            imageStore.lockInterruptibly();
                        }
                        try {
                            outputs.with(step.kind(), run(build, step, log, true));
                            built |= step.kind() == StepKind.BUILD;
                        } finally {
                            if (imageStore != null) {
                                imageStore.unlock();
                            }
                            if (i == lastAuthStep) {
                                deleteAuth(workspace, auth, log);
                            }
                        }
                    }
                    Digest digest = readDigest(build, workspace, outputs);
                    if (plan.layout().isPresent()) {
                        progress.phase(build.platform(), BuildPhase.UPLOADING);
                        upload(build, plan.layout().get(), digest, log);
                    }
                    log.line(String.format(java.util.Locale.ROOT, "%s pushed %s in %.1f s", tool.name(),
                            plan.pushedReference().withDigest(digest), (System.nanoTime() - started) / 1e9));
                    succeeded = true;
                    return new PlatformBuildResult(build.platform(), plan.pushedReference(), digest, plan.temporaryTag());
                } finally {
                    if (built && !plan.cleanup().isEmpty()) {
                        progress.phase(build.platform(), BuildPhase.CLEANING_UP);
                        cleanUp(build, plan, log);
                    }
                }
            } finally {
                try {
                    workspace.delete();
                } catch (IOException e) {
                    log.line("warning: could not delete the build workspace " + workspace.directory() + ": " + e.getMessage());
                }
            }
        } finally {
            progress.phase(build.platform(), succeeded ? BuildPhase.DONE : BuildPhase.FAILED);
        }
    }

    private BuildPlan plan(PlatformBuild build, BuildWorkspace workspace, RegistryAuth auth) throws PlatformBuildException {
        try {
            return tool.plan(build, workspace, auth);
        } catch (InvalidInputException e) {
            throw PlatformBuildException.of(build.platform(), tool.name() + " cannot build here", e);
        }
    }

    /** Sends the layout the builder wrote; the builder's reported digest must be the layout's. */
    private void upload(PlatformBuild build, Path layout, Digest reported, LineSink log)
            throws PlatformBuildException, InterruptedException {
        String destination = build.lastingTag().map(tag -> build.target().withTag(tag).toString())
                .orElse(build.target().repositoryName() + "@" + reported);
        log.line("uploading the OCI layout " + layout + " to " + destination);
        try {
            LayoutUpload upload = uploader.upload(build, layout, reported);
            log.line(upload.summary());
        } catch (IOException | RuntimeException e) {
            throw PlatformBuildException.of(build.platform(), "could not upload the image to " + destination, e);
        }
    }

    private RegistryAuth writeAuth(PlatformBuild build, BuildWorkspace workspace, LineSink log)
            throws PlatformBuildException {
        if (credentials.isEmpty()) {
            return RegistryAuth.none();
        }
        RegistryAuth auth = RegistryAuth.inDirectory(workspace.directory().resolve(AUTH_DIR));
        byte[] config = DockerConfigJson.render(credentials);
        if (tool.replacesDockerConfig() && userDockerConfig != null) {
            // DOCKER_CONFIG hides the user's config: keep their helpers and other registries' logins.
            try {
                config = DockerConfigJson.render(credentials, userDockerConfig);
            } catch (IOException | RuntimeException e) {
                log.line("warning: ignoring the Docker config in " + userDockerConfig + ": " + e.getMessage());
            }
        }
        try {
            workspace.writePrivateFile(auth.file().orElseThrow(), config);
        } catch (IOException e) {
            throw PlatformBuildException.of(build.platform(), "could not write the registry auth file", e);
        }
        return auth;
    }

    /**
     * The index of the last step whose argv or environment names the auth directory, or -1. After it nothing reads
     * the credentials (buildah's and podman's push only write a local layout; the uploader has its own copy).
     */
    static int lastStepNaming(List<Invocation> steps, RegistryAuth auth) {
        if (auth.directory().isEmpty()) {
            return -1;
        }
        String dir = auth.directory().get().toString();
        int last = -1;
        for (int i = 0; i < steps.size(); i++) {
            Invocation step = steps.get(i);
            if (java.util.stream.Stream.concat(step.argv().stream(), step.env().values().stream())
                    .anyMatch(a -> a.contains(dir))) {
                last = i;
            }
        }
        return last;
    }

    /**
     * Deletes the auth file once no step needs it, so a killed process does not leave credentials on disk for the
     * rest of the build; deleting the workspace stays the backstop. Never throws.
     */
    private void deleteAuth(BuildWorkspace workspace, RegistryAuth auth, LineSink log) {
        Path file = auth.file().orElseThrow();
        try {
            workspace.deleteFile(file);
        } catch (IOException | RuntimeException e) {
            log.line("warning: could not delete the registry auth file " + file + " yet: " + e.getMessage());
        }
    }

    /** Runs one command; returns its last lines, or throws if it failed and {@code mustSucceed}. */
    private List<String> run(PlatformBuild build, Invocation step, LineSink log, boolean mustSucceed)
            throws PlatformBuildException, InterruptedException {
        String command = step.display();
        log.line("$ " + command);
        TailLineSink tail = new TailLineSink(TAIL_LINES);
        int exitCode;
        try {
            exitCode = runner.run(step.argv(), step.env(), step.workDir(), masker.masking(tail).andThen(log));
        } catch (IOException | ToolNotFoundException e) {
            throw PlatformBuildException.of(build.platform(), step.kind().word() + " could not run (" + command + ")", e);
        }
        if (exitCode != 0 && mustSucceed) {
            throw PlatformBuildException.commandFailed(build.platform(), tool.name() + " " + step.kind().word(),
                    command, exitCode, tail.lines());
        }
        if (exitCode != 0) {
            log.line("warning: " + step.kind().word() + " exited with code " + exitCode + " (ignored)");
        }
        return tail.lines();
    }

    private Digest readDigest(PlatformBuild build, BuildWorkspace workspace, StepOutputs outputs)
            throws PlatformBuildException {
        try {
            return tool.readDigest(build, workspace, outputs);
        } catch (IOException | RuntimeException e) {
            throw PlatformBuildException.of(build.platform(), "could not read the pushed image's digest", e);
        }
    }

    /**
     * Never throws: a failed cleanup must not hide the build's own outcome. A pending interrupt (the build was
     * cancelled) is held back while the cleanup runs, so the runner does not stop its commands at once, and set
     * again afterwards; only a second interrupt stops the cleanup.
     */
    private void cleanUp(PlatformBuild build, BuildPlan plan, LineSink log) {
        boolean interrupted = Thread.interrupted();
        try {
            localImages.writeLock().lockInterruptibly(); // until no other platform's build is committing
            try {
                for (Invocation step : plan.cleanup()) {
                    try {
                        run(build, step, log, false);
                    } catch (PlatformBuildException e) {
                        log.line("warning: cleanup failed: " + e.getMessage());
                    }
                }
            } finally {
                localImages.writeLock().unlock();
            }
        } catch (InterruptedException e) {
            log.line("warning: cleanup interrupted; left behind: " + build.localName());
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
