package io.jenkins.plugins.multiarch.engine;

import io.jenkins.plugins.multiarch.testkit.FaultCase;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.multiarch.engine.host.Host;
import io.jenkins.plugins.multiarch.engine.image.InspectRequest;
import io.jenkins.plugins.multiarch.engine.imagebuild.BuildRequest;
import io.jenkins.plugins.multiarch.engine.imagebuild.BuildToolKind;
import io.jenkins.plugins.multiarch.engine.imagebuild.LocalBuildWorkspace;
import io.jenkins.plugins.multiarch.engine.index.IndexFormat;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.process.CommandRunner;
import io.jenkins.plugins.multiarch.engine.process.LocalCommandRunner;
import io.jenkins.plugins.multiarch.engine.publish.PlatformSource;
import io.jenkins.plugins.multiarch.engine.publish.PublishRequest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import io.jenkins.plugins.multiarch.engine.verify.VerifyRequest;
import io.jenkins.plugins.multiarch.testkit.ElfFixtures;
import io.jenkins.plugins.multiarch.testkit.FaultInjectingProxy;
import io.jenkins.plugins.multiarch.testkit.ImageFixtures;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.ScratchImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interrupting the calling thread stops every operation within a second, wherever it waits: requests held by a
 * registry that does not answer (a proxy that stalls them), a build process that runs on. The operation throws
 * {@link InterruptedException}, writes no further tag, and leaves no thread, process or workspace of its own behind.
 */
class CancellationIntegrationTest {

    /** The bound from the issue: a Jenkins abort must not wait for the registry or the builder. */
    static final Duration TIME_TO_STOP = Duration.ofSeconds(1);

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.anonymous();

    static String amd64;
    static String arm64;

    FaultInjectingProxy proxy;
    Multiarch engine;

    @BeforeAll
    static void images() {
        amd64 = ScratchImage.forPlatform("linux/amd64").file("/hello", ElfFixtures.x86_64()).entrypoint("/hello")
                .pushTo(registry.host(), "cancel/app:amd64");
        arm64 = ScratchImage.forPlatform("linux/arm64").file("/hello", ElfFixtures.aarch64()).entrypoint("/hello")
                .pushTo(registry.host(), "cancel/app:arm64");
        ImageFixtures.pushIndex(registry, "cancel/app:index", null, amd64, arm64);
    }

    @BeforeEach
    void start() {
        proxy = FaultInjectingProxy.inFrontOf(registry);
        engine = Multiarch.create();
    }

    @AfterEach
    void stop() {
        engine.close();
        proxy.close();
    }

    /** What is left of an operation: threads of ours (pools, output pumps); the shared HTTP client's are the engine's. */
    static Set<String> operationThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("multiarch-") || name.startsWith("output of "))
                .collect(Collectors.toSet());
    }

    /** Runs {@code operation} on its own thread, interrupts it once {@code started} says so, and measures the stop. */
    static Duration timeToStop(Operation operation, Started started) throws Exception {
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                operation.run();
                outcome.set(new AssertionError("the operation finished instead of stopping"));
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "cancellation-test-caller");
        caller.start();
        assertThat(started.await()).as("the operation reached the point where it waits").isTrue();
        long interrupted = System.nanoTime();
        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(30));
        Duration stop = Duration.ofNanos(System.nanoTime() - interrupted);
        assertThat(caller.isAlive()).as("the caller is still running after 30 s").isFalse();
        assertThat(outcome.get()).as("what the operation threw").isInstanceOf(InterruptedException.class);
        System.out.println("time to stop (" + Thread.currentThread().getStackTrace()[2].getMethodName() + "): " + stop.toMillis() + " ms");
        return stop;
    }

    @FunctionalInterface
    interface Operation {
        void run() throws Exception;
    }

    @FunctionalInterface
    interface Started {
        boolean await() throws Exception;
    }

    private Started stalled() {
        return () -> proxy.awaitStalled(Duration.ofSeconds(30));
    }

    @Test
    @FaultCase(area = "cancellation", fault = "an interrupt while inspect waits on held requests",
            outcome = "InterruptedException within a second; no thread left")
    void inspectStopsWhileItsChildRequestsWaitForTheRegistry() throws Exception {
        proxy.stallNext(10, "GET", ".*/manifests/sha256:.*");

        Duration stop = timeToStop(() -> engine.inspect(InspectRequest.of(ImageReference.parse(proxy.host()
                + "/cancel/app:index")), Host.explicit()), stalled());

        assertThat(stop).isLessThan(TIME_TO_STOP);
        assertThat(operationThreads()).isEmpty();
    }

    @Test
    @FaultCase(area = "cancellation", fault = "an interrupt while verify waits for a layer",
            outcome = "InterruptedException within a second; no thread left")
    void verifyStopsWhileTheBinaryCheckWaitsForALayer() throws Exception {
        proxy.stallNext(10, "GET", ".*/blobs/sha256:.*");

        Duration stop = timeToStop(() -> engine.verify(VerifyRequest.of(ImageReference.parse(proxy.host()
                + "/cancel/app:index")), Host.explicit()), stalled());

        assertThat(stop).isLessThan(TIME_TO_STOP);
        assertThat(operationThreads()).isEmpty();
    }

    @Test
    @FaultCase(area = "cancellation", fault = "an interrupt while publish writes its second tag",
            outcome = "InterruptedException; the held write never reaches the registry; no further tag")
    void publishStopsWhileATagIsBeingWrittenAndWritesNoFurtherTag() throws Exception {
        proxy.stallNext(1, "PUT", ".*/manifests/second");
        PublishRequest request = new PublishRequest(ImageReference.parse(proxy.host() + "/cancel/app:first"),
                List.of("second", "third"), List.of(
                        new PlatformSource(Platform.LINUX_AMD64, ImageReference.parse(proxy.host() + "/cancel/app:amd64")),
                        new PlatformSource(Platform.LINUX_ARM64, ImageReference.parse(proxy.host() + "/cancel/app:arm64"))),
                IndexFormat.OCI, Map.of(), false);

        Duration stop = timeToStop(() -> engine.publish(request, Host.explicit()), stalled());

        assertThat(stop).isLessThan(TIME_TO_STOP);
        proxy.releaseStalled(); // the held PUT is dropped, never forwarded
        RegistryClient direct = RegistryClient.builder(registry.host()).build();
        assertThat(direct.headManifest("cancel/app", "first")).as("written before the interrupt").isPresent();
        assertThat(direct.headManifest("cancel/app", "second")).as("interrupted while written").isEmpty();
        assertThat(direct.headManifest("cancel/app", "third")).as("after the interrupt").isEmpty();
        assertThat(operationThreads()).isEmpty();
    }

    @Test
    @FaultCase(area = "cancellation", fault = "an interrupt while build tools run",
            outcome = "processes stopped, workspaces deleted, InterruptedException")
    void buildStopsItsProcessesAndDeletesItsWorkspaces(@TempDir Path temp) throws Exception {
        Path context = Files.createDirectories(temp.resolve("context"));
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
        Path workspaces = Files.createDirectories(temp.resolve("workspaces"));
        CountDownLatch running = new CountDownLatch(2);
        AtomicReference<Long> firstPid = new AtomicReference<>();
        // Each platform's build step is a process that runs on; it says its pid, so the test can look for it after.
        LocalCommandRunner processes = new LocalCommandRunner();
        CommandRunner slowBuilder = (argv, env, workDir, output) -> processes.run(
                List.of("sh", "-c", "echo pid $$; exec sleep 60"), Map.of(), null, line -> {
                    if (line.startsWith("pid ")) {
                        firstPid.compareAndSet(null, Long.parseLong(line.substring(4)));
                        running.countDown();
                    }
                    output.line(line);
                });
        Host host = Host.explicit()
                .withCommands(slowBuilder)
                .withWorkspaces(LocalBuildWorkspace.factory(workspaces))
                .withPrograms(program -> Optional.of(Path.of("/usr/bin", program)));
        BuildRequest request = BuildRequest.builder(ImageReference.parse(proxy.host() + "/cancel/built:1"), context)
                .platforms(List.of(Platform.LINUX_AMD64, Platform.LINUX_ARM64))
                .tool(BuildToolKind.BUILDAH)
                .build();

        Duration stop = timeToStop(() -> engine.build(request, host), () -> running.await(30, TimeUnit.SECONDS));

        assertThat(stop).isLessThan(TIME_TO_STOP);
        assertThat(ProcessHandle.of(firstPid.get()).map(ProcessHandle::isAlive)).as("the build process")
                .isIn(Optional.empty(), Optional.of(false));
        try (Stream<Path> left = Files.list(workspaces)) {
            assertThat(left).as("build workspaces").isEmpty();
        }
        assertThat(operationThreads()).isEmpty();
    }
}
