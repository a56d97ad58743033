package io.jenkins.plugins.multiarch.engine;

import io.jenkins.plugins.multiarch.engine.error.CancelledException;
import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.engine.error.MultiarchException;
import io.jenkins.plugins.multiarch.engine.gitmeta.GitAnnotations;
import io.jenkins.plugins.multiarch.engine.gitmeta.GitPublishMetadata;
import io.jenkins.plugins.multiarch.engine.gitmeta.GitState;
import io.jenkins.plugins.multiarch.engine.gitmeta.GitStateReader;
import io.jenkins.plugins.multiarch.engine.gitmeta.GitTagPlan;
import io.jenkins.plugins.multiarch.engine.gitmeta.GitTagRequest;
import io.jenkins.plugins.multiarch.engine.gitmeta.GitTags;
import io.jenkins.plugins.multiarch.engine.host.Host;
import io.jenkins.plugins.multiarch.engine.image.ImageInspector;
import io.jenkins.plugins.multiarch.engine.image.InspectRequest;
import io.jenkins.plugins.multiarch.engine.image.InspectResult;
import io.jenkins.plugins.multiarch.engine.imagebuild.BuildRequest;
import io.jenkins.plugins.multiarch.engine.imagebuild.BuildResult;
import io.jenkins.plugins.multiarch.engine.imagebuild.BuildToolKind;
import io.jenkins.plugins.multiarch.engine.imagebuild.OciLayoutUploader;
import io.jenkins.plugins.multiarch.engine.imagebuild.ParallelBuilds;
import io.jenkins.plugins.multiarch.engine.imagebuild.PlatformBuildResult;
import io.jenkins.plugins.multiarch.engine.imagebuild.PlatformBuildRunner;
import io.jenkins.plugins.multiarch.engine.imagebuild.tool.ContainersStorageOptions;
import io.jenkins.plugins.multiarch.engine.index.IndexFormat;
import io.jenkins.plugins.multiarch.engine.publish.PlatformSource;
import io.jenkins.plugins.multiarch.engine.publish.PublishRequest;
import io.jenkins.plugins.multiarch.engine.publish.PublishResult;
import io.jenkins.plugins.multiarch.engine.publish.Publisher;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import io.jenkins.plugins.multiarch.engine.registry.RegistrySettings;
import io.jenkins.plugins.multiarch.engine.registry.transport.TlsTrust;
import io.jenkins.plugins.multiarch.engine.registry.auth.Credentials;
import io.jenkins.plugins.multiarch.engine.registry.transport.HttpClientPool;
import io.jenkins.plugins.multiarch.engine.registry.transport.SharedHttpClient;
import io.jenkins.plugins.multiarch.engine.verify.ImageVerifier;
import io.jenkins.plugins.multiarch.engine.verify.VerifyRequest;
import io.jenkins.plugins.multiarch.engine.util.WorkPool;
import io.jenkins.plugins.multiarch.engine.verify.VerifyResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The engine's one entry point: build, publish, verify and inspect multi-architecture images. Every operation takes
 * a request (what to do) and a {@link Host} (everything it may use of where it runs) and returns a result value;
 * nothing else is read from the environment. Front ends (the CLI, the Jenkins plugin) turn their options into a
 * request, call one method here, and render the result.
 *
 * <pre>{@code
 * try (Multiarch engine = Multiarch.create()) {
 *     PublishResult result = engine.publish(new PublishRequest(ImageReference.parse("registry.example.com/app:1.0"),
 *             List.of("latest"), List.of(PlatformSource.parse("linux/amd64=registry.example.com/app@sha256:..."),
 *             PlatformSource.parse("linux/arm64=registry.example.com/app@sha256:...")), IndexFormat.OCI, Map.of(),
 *             false), Host.explicit().withCredentials(CredentialProvider.fixed("registry.example.com", login)));
 * }
 * }</pre>
 *
 * <p>Errors are {@link MultiarchException}s (typed: see {@code io.jenkins.plugins.multiarch.engine.error}).
 * Interrupting the calling thread stops an operation within about a second: requests are cancelled, build processes
 * killed, workspaces deleted, no further tag is written, no thread of the operation is left, and the method throws
 * {@link InterruptedException}.
 *
 * <p>Thread-safe; meant to be shared by all operations of a process (one per JVM in Jenkins): it holds the HTTP
 * client whose connections they share. {@link #close()} releases it.
 */
public final class Multiarch implements AutoCloseable {

    /** Enough for 128 platforms of one publish at once; a busy controller's operations share them. */
    public static final int DEFAULT_WORKER_THREADS = 128;

    private final HttpClientPool httpClients = new HttpClientPool();
    private final WorkPool work;

    private Multiarch(int workerThreads) {
        this.work = WorkPool.create("Multiarch engine worker", workerThreads);
    }

    public static Multiarch create() {
        return new Multiarch(DEFAULT_WORKER_THREADS);
    }

    /**
     * An engine whose operations share at most {@code workerThreads} threads for their per-platform work (resolving,
     * checking); beyond that, an operation's own thread does its work itself. Each registry's connections and HTTP
     * threads are bounded by the requests' {@link RegistrySettings#httpLimits()}.
     */
    public static Multiarch create(int workerThreads) {
        return new Multiarch(workerThreads);
    }

    /** Threads this engine holds now: its workers and each registry's HTTP threads (for benchmarks and tests). */
    public int threadCount() {
        return work.threadCount() + httpClients.clients().stream().mapToInt(SharedHttpClient::threadCount).sum();
    }

    /** What an index or image is: platforms, digests, sizes, annotations. */
    public InspectResult inspect(InspectRequest request, Host host) throws InterruptedException {
        return run(() -> new ImageInspector(client(request.reference().registry(), request.registries(), host), work)
                .inspect(request.reference()));
    }

    /** Checks an image already in a registry; a failed check is in the result, not thrown. */
    public VerifyResult verify(VerifyRequest request, Host host) throws InterruptedException {
        return run(() -> new ImageVerifier(client(request.reference().registry(), request.registries(), host),
                request.checks().checks(), host.log()::line, work).verify(request.reference()));
    }

    /**
     * Resolves and verifies every source, then publishes the index under every tag; nothing is written unless every
     * source passed.
     *
     * @throws io.jenkins.plugins.multiarch.engine.publish.PublishException listing every problem found
     */
    public PublishResult publish(PublishRequest request, Host host) throws InterruptedException {
        return run(() -> publisher(client(request.target().registry(), request.registries(), host), request, host)
                .publish(request));
    }

    /**
     * What is being built, as the host's CI variables ({@link Host#environment()}) or else git in
     * {@code gitDirectory} (run with the host's commands) say: tag, branch, change, commit and its time, source URL.
     * Its {@link GitAnnotations} are the index annotations {@code --annotations-from-git} sets.
     *
     * @throws InvalidInputException when neither says what is built
     */
    public GitState readGitState(Path gitDirectory, Host host) throws InterruptedException {
        return run(() -> new GitStateReader(host.environment(), host.commands(), gitDirectory).read());
    }

    /**
     * The tags the git state gives the target repository ({@link GitTags}): the version and its floating tags
     * {@code 1.2}, {@code 1}, {@code latest} where no release in the repository is higher, a pre-release's own tag,
     * {@code pr-N} or the branch, and {@code sha-<7>}. Reads the repository's tags; writes nothing.
     */
    public GitTagPlan planGitTags(GitTagRequest request, Host host) throws InterruptedException {
        return run(() -> {
            GitState state = new GitStateReader(host.environment(), host.commands(), request.gitDirectory()).read();
            ImageReference target = request.repository();
            RegistryClient client = client(target.registry(), request.registries(), host);
            client.requestAccess(target.repository(), false);
            List<String> existing = client.listTags(target.repository());
            return GitTags.plan(state, existing);
        });
    }

    /**
     * What git gives a publish: with {@code tags}, the tags {@link #planGitTags} plans (reading the repository's
     * tags); with {@code annotations}, the state's {@link GitAnnotations}; the state itself either way.
     *
     * @throws InvalidInputException when neither the CI variables nor git say what is built
     */
    public GitPublishMetadata gitMetadata(GitTagRequest request, boolean tags, boolean annotations, Host host)
            throws InterruptedException {
        GitState state;
        List<String> planned = List.of();
        List<String> notes = List.of();
        if (tags) {
            GitTagPlan plan = planGitTags(request, host);
            state = plan.state();
            planned = plan.tags();
            notes = plan.notes();
        } else {
            state = readGitState(request.gitDirectory(), host);
        }
        return new GitPublishMetadata(state, planned, annotations ? GitAnnotations.of(state) : Map.of(), notes);
    }

    /**
     * The builder tool a build would use on this host, after checking that the request suits it: the named one, or
     * the first installed of {@link BuildToolKind#DEFAULT_ORDER}.
     *
     * @throws InvalidInputException when the request's options do not fit that tool
     * @throws io.jenkins.plugins.multiarch.engine.process.ToolNotFoundException when it is not installed
     */
    public BuildToolKind toolFor(BuildRequest request, Host host) {
        BuildToolKind tool = request.tool().orElseGet(() -> BuildToolKind.detect(host.programs()));
        if (!request.storage().equals(ContainersStorageOptions.defaults()) && !tool.usesContainersStorage()) {
            throw new InvalidInputException("storage options apply to buildah and podman, but the builder is " + tool
                    + "; name one of those, or leave the storage options out");
        }
        tool.requireInstalled(host.programs());
        return tool;
    }

    /** As {@link #toolFor(BuildRequest, Host)}, also checking that the tool's images fit the index format. */
    public BuildToolKind toolFor(BuildAndPublishRequest request, Host host) {
        BuildToolKind tool = request.build().tool().orElseGet(() -> BuildToolKind.detect(host.programs()));
        if (request.format() == IndexFormat.DOCKER && tool.usesContainersStorage()) {
            // buildah and podman here always make OCI manifests, which a Docker manifest list cannot list.
            throw new InvalidInputException("a Docker manifest list needs Docker manifests, but " + tool + " builds"
                    + " push OCI manifests; publish an OCI index (the default) or auto, or build with docker");
        }
        return toolFor(request.build(), host);
    }

    /**
     * Builds every platform (in parallel, on the host's commands) and pushes each image into the target repository
     * by digest, or under its per-platform tag.
     *
     * @throws io.jenkins.plugins.multiarch.engine.imagebuild.ParallelBuildException naming each failed platform
     */
    public BuildResult build(BuildRequest request, Host host) throws InterruptedException {
        BuildToolKind tool = toolFor(request, host);
        return run(() -> build(request, tool, client(request.target().registry(), request.registries(), host), host));
    }

    /** Builds every platform, then verifies and publishes them as one index; a failed platform publishes nothing. */
    public BuildAndPublishResult buildAndPublish(BuildAndPublishRequest request, Host host) throws InterruptedException {
        BuildToolKind tool = toolFor(request, host);
        return run(() -> {
            BuildRequest build = request.build();
            RegistryClient client = client(build.target().registry(), build.registries(), host);
            BuildResult built = build(build, tool, client, host);
            // The tools just pushed these: a replicated registry may not serve them for a moment.
            built.images().forEach(image -> client.expectExists(image.digest()));
            List<PlatformSource> sources = built.images().stream()
                    .map(image -> new PlatformSource(image.platform(), image.digestReference())).toList();
            PublishRequest publish = new PublishRequest(build.target(), request.extraTags(), sources, request.format(),
                    request.annotations(), false, request.checks(), build.registries(), request.alsoTo());
            return new BuildAndPublishResult(built, publisher(client, publish, host).publish(publish));
        });
    }

    private BuildResult build(BuildRequest request, BuildToolKind tool, RegistryClient client, Host host) {
        ImageReference target = request.target();
        // A wrong or missing login fails now, not after every platform has been built.
        client.requestAccess(target.repository(), true);
        client.authenticate();
        Map<String, Credentials> toolLogins = host.toolCredentials().find(target.registry())
                .map(c -> Map.of(target.registry(), c)).orElse(Map.of());
        PlatformBuildRunner runner = new PlatformBuildRunner(
                tool.create(request.storage(), host.buildxConfigDirectory().orElse(null)), host.commands(),
                host.workspaces(), toolLogins, host.log(), new OciLayoutUploader(client), host.progress(),
                host.dockerConfigDirectory());
        ParallelBuilds parallel = new ParallelBuilds(runner, request.parallelism().orElse(request.platforms().size()),
                request.failurePolicy());
        host.log().line("multiarch: building " + request.platforms().size() + " platforms of " + target + " with "
                + tool + ", " + parallel.effectiveParallelism(request.platforms().size()) + " at a time");
        List<PlatformBuildResult> images;
        try {
            images = parallel.run(request.platformBuilds(host.platform()));
        } catch (InterruptedException e) {
            throw CancelledException.of("while building", e);
        }
        return new BuildResult(target, tool.toString(), images);
    }

    private Publisher publisher(RegistryClient client, PublishRequest request, Host host) {
        return new Publisher(client, request.checks().checks(), host.log()::line,
                registry -> client(registry, request.registries(), host), work);
    }

    private RegistryClient client(String registry, RegistrySettings settings, Host host) {
        TlsTrust trust = settings.tlsTrust();
        if (!trust.verifies(registry)) {
            host.log().line("multiarch: WARNING: the TLS certificate of registry " + registry + " is not verified;"
                    + " anyone between here and the registry can read and change what is sent");
        }
        SharedHttpClient http = httpClients.forRegistry(settings.endpoint(registry), settings.timeouts().connect(),
                settings.httpLimits(), trust);
        return RegistryClient.builder(registry)
                .settings(settings)
                .credentials(host.credentials())
                .sharedHttp(http)
                .clock(host.clock())
                .sleeper(host.sleeper())
                .build();
    }

    /** Runs an operation; a cancellation inside it, however it surfaced, leaves as an InterruptedException. */
    private static <T> T run(Supplier<T> operation) throws InterruptedException {
        try {
            T result = operation.get();
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted; the operation had just finished");
            }
            return result;
        } catch (CancelledException e) {
            Thread.interrupted();
            throw interrupted(e);
        } catch (MultiarchException e) {
            if (Thread.interrupted()) {
                // e.g. a layer read that failed because its thread was interrupted
                throw interrupted(e);
            }
            throw e;
        }
    }

    private static InterruptedException interrupted(Exception cause) {
        InterruptedException e = new InterruptedException("interrupted: " + cause.getMessage());
        e.initCause(cause);
        return e;
    }

    /**
     * Releases what the engine holds: every registry's HTTP client (its connections, selector and threads) and the
     * worker threads. Call it when no operation runs any more; afterwards, no thread or socket of the engine is left.
     */
    @Override
    public void close() {
        httpClients.close();
        work.close();
    }
}
