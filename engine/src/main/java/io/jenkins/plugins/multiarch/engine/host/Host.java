package io.jenkins.plugins.multiarch.engine.host;

import io.jenkins.plugins.multiarch.engine.imagebuild.BuildProgress;
import io.jenkins.plugins.multiarch.engine.imagebuild.BuildWorkspaceFactory;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.process.CommandRunner;
import io.jenkins.plugins.multiarch.engine.process.LineSink;
import io.jenkins.plugins.multiarch.engine.process.ProgramLookup;
import io.jenkins.plugins.multiarch.engine.registry.auth.CredentialProvider;
import io.jenkins.plugins.multiarch.engine.util.Sleeper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the engine needs from where it runs, and nothing it may take on its own: how to run the builder's
 * commands, where to put private scratch files, which credentials to use for which registry, where progress goes,
 * the clock, how to wait, which programs exist and what machine this is.
 *
 * <p>Two kinds, chosen explicitly by the caller:
 * <ul>
 *   <li>{@link #local()}: this machine as a command-line user sees it. The <em>only</em> host that reads environment
 *       variables, files under the home directory ({@code ~/.docker/config.json}, the containers auth file) and runs
 *       Docker credential helpers. The CLI uses it.</li>
 *   <li>{@link #explicit()}: nothing but what the caller gives. Inside Jenkins the controller's and agents' own
 *       registry logins must never reach users' builds, so the plugin builds its hosts from the job's credentials and
 *       the build's environment. Until set, it runs no command, has no workspace and no credentials.</li>
 * </ul>
 *
 * <p>Cancellation: interrupting the thread that called the engine stops the operation (requests cancelled, processes
 * killed, workspaces deleted, no further tag written) and the facade throws {@link InterruptedException}.
 *
 * <p>Immutable; each {@code with...} method returns a changed copy.
 */
public final class Host {

    private final CommandRunner commands;
    private final BuildWorkspaceFactory workspaces;
    private final CredentialProvider credentials;
    private final CredentialProvider toolCredentials;
    private final LineSink log;
    private final BuildProgress progress;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ProgramLookup programs;
    private final Platform platform;
    private final Path dockerConfigDirectory;
    private final Path buildxConfigDirectory;
    private final boolean local;
    private final Map<String, String> environment;

    private Host(CommandRunner commands, BuildWorkspaceFactory workspaces, CredentialProvider credentials,
                 CredentialProvider toolCredentials, LineSink log, BuildProgress progress, Clock clock, Sleeper sleeper,
                 ProgramLookup programs, Platform platform, Path dockerConfigDirectory, Path buildxConfigDirectory,
                 boolean local, Map<String, String> environment) {
        this.commands = Objects.requireNonNull(commands, "commands");
        this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.toolCredentials = Objects.requireNonNull(toolCredentials, "toolCredentials");
        this.log = Objects.requireNonNull(log, "log");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.programs = Objects.requireNonNull(programs, "programs");
        this.platform = platform;
        this.dockerConfigDirectory = dockerConfigDirectory;
        this.buildxConfigDirectory = buildxConfigDirectory;
        this.local = local;
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    }

    /**
     * This machine, as the user running the process sees it: processes inherit this process's environment, programs
     * are looked up on {@code $PATH}, workspaces go under {@code java.io.tmpdir}, the engine's registry client logs in
     * with what {@code docker login} ({@code $DOCKER_CONFIG/config.json} or {@code ~/.docker/config.json}, with
     * credential helpers) or else {@code buildah/podman login} stored, and builder tools keep their own logins.
     */
    public static Host local() {
        return LocalMachine.host();
    }

    /**
     * A host with nothing ambient: no commands, no workspaces, no credentials, no programs, no platform, a log that
     * discards; the system clock and {@link Thread#sleep}. Set what the operations need with the {@code with...}
     * methods.
     */
    public static Host explicit() {
        return new Host(CommandRunner.none(), BuildWorkspaceFactory.none(), CredentialProvider.none(),
                CredentialProvider.none(), LineSink.discard(), BuildProgress.none(), Clock.systemUTC(), Sleeper.system(),
                ProgramLookup.none(), null, null, null, false, Map.of());
    }

    static Host local(CommandRunner commands, BuildWorkspaceFactory workspaces, CredentialProvider ambient,
                      ProgramLookup programs, Platform platform, Path dockerConfig, Path buildxConfig,
                      Map<String, String> environment) {
        return new Host(commands, workspaces, ambient, CredentialProvider.none(), LineSink.discard(),
                BuildProgress.none(), Clock.systemUTC(), Sleeper.system(), programs, platform, dockerConfig,
                buildxConfig, true, environment);
    }

    /** Runs the builder tools' commands (on a Jenkins agent: processes on that agent). */
    public CommandRunner commands() {
        return commands;
    }

    /** Makes a private scratch directory per platform build, where the commands run. */
    public BuildWorkspaceFactory workspaces() {
        return workspaces;
    }

    /** The credentials the engine's own registry client uses, looked up when a registry asks for them. */
    public CredentialProvider credentials() {
        return credentials;
    }

    /**
     * The credentials builder tools get in a private auth file for their push and base-image pulls. Empty on the
     * local host unless given: there the tools keep using their own logins.
     */
    public CredentialProvider toolCredentials() {
        return toolCredentials;
    }

    /** Progress lines for a person; called from several threads at once. */
    public LineSink log() {
        return log;
    }

    /** Where each platform's build is, for progress displays. */
    public BuildProgress progress() {
        return progress;
    }

    public Clock clock() {
        return clock;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    /** Which programs exist where the commands run: the default builder is the first one installed. */
    public ProgramLookup programs() {
        return programs;
    }

    /** The platform of the machine the builds run on, if known (sets BUILDPLATFORM). */
    public Optional<Platform> platform() {
        return Optional.ofNullable(platform);
    }

    /**
     * The Docker config directory where the commands run, which a temporary {@code DOCKER_CONFIG} (docker, buildx,
     * kaniko) starts from so the user's helpers and plugins keep working; empty for the credentials alone.
     */
    public Optional<Path> dockerConfigDirectory() {
        return Optional.ofNullable(dockerConfigDirectory);
    }

    /** The buildx directory ({@code ~/.docker/buildx}) that a temporary {@code DOCKER_CONFIG} would hide, if any. */
    public Optional<Path> buildxConfigDirectory() {
        return Optional.ofNullable(buildxConfigDirectory);
    }

    /**
     * The variables of the build's environment that the engine itself reads: the CI's description of what is built
     * ({@code TAG_NAME}, {@code BRANCH_NAME}, {@code GITHUB_REF} ...). This process's environment on the local host;
     * empty on an explicit host until given (inside Jenkins: the build's environment).
     */
    public Map<String, String> environment() {
        return environment;
    }

    /** True for {@link #local()} and hosts made from it. */
    public boolean isLocal() {
        return local;
    }

    public Host withCommands(CommandRunner value) {
        return new Host(value, workspaces, credentials, toolCredentials, log, progress, clock, sleeper, programs,
                platform, dockerConfigDirectory, buildxConfigDirectory, local, environment);
    }

    public Host withWorkspaces(BuildWorkspaceFactory value) {
        return new Host(commands, value, credentials, toolCredentials, log, progress, clock, sleeper, programs,
                platform, dockerConfigDirectory, buildxConfigDirectory, local, environment);
    }

    /**
     * These credentials, for the engine's client and for builder tools alike; nothing else is looked up (also on the
     * local host: credentials given on the command line replace the stored logins).
     */
    public Host withCredentials(CredentialProvider value) {
        return new Host(commands, workspaces, value, value, log, progress, clock, sleeper, programs, platform,
                dockerConfigDirectory, buildxConfigDirectory, local, environment);
    }

    public Host withEnvironment(Map<String, String> value) {
        return new Host(commands, workspaces, credentials, toolCredentials, log, progress, clock, sleeper, programs,
                platform, dockerConfigDirectory, buildxConfigDirectory, local, value);
    }

    public Host withLog(LineSink value) {
        return new Host(commands, workspaces, credentials, toolCredentials, value, progress, clock, sleeper, programs,
                platform, dockerConfigDirectory, buildxConfigDirectory, local, environment);
    }

    public Host withProgress(BuildProgress value) {
        return new Host(commands, workspaces, credentials, toolCredentials, log, value, clock, sleeper, programs,
                platform, dockerConfigDirectory, buildxConfigDirectory, local, environment);
    }

    public Host withClock(Clock value) {
        return new Host(commands, workspaces, credentials, toolCredentials, log, progress, value, sleeper, programs,
                platform, dockerConfigDirectory, buildxConfigDirectory, local, environment);
    }

    public Host withSleeper(Sleeper value) {
        return new Host(commands, workspaces, credentials, toolCredentials, log, progress, clock, value, programs,
                platform, dockerConfigDirectory, buildxConfigDirectory, local, environment);
    }

    public Host withPrograms(ProgramLookup value) {
        return new Host(commands, workspaces, credentials, toolCredentials, log, progress, clock, sleeper, value,
                platform, dockerConfigDirectory, buildxConfigDirectory, local, environment);
    }

    public Host withPlatform(Platform value) {
        return new Host(commands, workspaces, credentials, toolCredentials, log, progress, clock, sleeper, programs,
                value, dockerConfigDirectory, buildxConfigDirectory, local, environment);
    }

    public Host withDockerConfigDirectory(Path value) {
        return new Host(commands, workspaces, credentials, toolCredentials, log, progress, clock, sleeper, programs,
                platform, value, buildxConfigDirectory, local, environment);
    }

    public Host withBuildxConfigDirectory(Path value) {
        return new Host(commands, workspaces, credentials, toolCredentials, log, progress, clock, sleeper, programs,
                platform, dockerConfigDirectory, value, local, environment);
    }
}
