package io.jenkins.plugins.multiarch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.multiarch.engine.host.Host;
import io.jenkins.plugins.multiarch.engine.index.IndexFormat;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.publish.PlatformSource;
import io.jenkins.plugins.multiarch.engine.publish.PublishRequest;
import io.jenkins.plugins.multiarch.engine.publish.PublishResult;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.RegistrySettings;
import io.jenkins.plugins.multiarch.engine.registry.transport.HttpLimits;
import io.jenkins.plugins.multiarch.engine.verify.CheckPolicy;
import io.jenkins.plugins.multiarch.testkit.ElfFixtures;
import io.jenkins.plugins.multiarch.testkit.FaultInjectingProxy;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.ScratchImage;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many operations at once on one engine, as on a busy Jenkins controller: they share one client per registry, the
 * engine's worker threads stay within their bound, the registry sees no more connections than the limit allows,
 * every publish succeeds, and after {@link Multiarch#close()} no thread or socket of the engine is left.
 */
class SharedResourcesIntegrationTest {

    private static final int WORKERS = 6;
    private static final HttpLimits LIMITS = new HttpLimits(3, 2);
    private static final int PUBLISHES = 24;

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.anonymous();

    static final List<String> PLATFORMS = List.of("linux/amd64", "linux/arm64", "linux/arm/v7", "linux/riscv64");

    @BeforeAll
    static void images() {
        Map<String, byte[]> programs = Map.of("linux/amd64", ElfFixtures.x86_64(), "linux/arm64", ElfFixtures.aarch64(),
                "linux/arm/v7", ElfFixtures.armHardFloat(), "linux/riscv64", ElfFixtures.riscv64());
        for (String platform : PLATFORMS) {
            ScratchImage.forPlatform(platform).file("/hello", programs.get(platform)).entrypoint("/hello")
                    .pushTo(registry.host(), "shared/app:" + tagOf(platform));
        }
    }

    @Test
    void concurrentPublishesShareBoundedResourcesAndLeaveNothingAfterClose() throws Exception {
        try (FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(registry)) {
            Set<Thread> threadsBefore = liveThreads();
            int socketsBefore = socketsTo(proxy.port());
            RegistrySettings settings = RegistrySettings.DEFAULT.withHttpLimits(LIMITS);
            Multiarch engine = Multiarch.create(WORKERS);
            AtomicInteger peakEngineThreads = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (running.get()) {
                    peakEngineThreads.accumulateAndGet(engine.threadCount(), Math::max);
                    Thread.onSpinWait();
                }
            }, "thread-count-sampler");
            sampler.start();
            ExecutorService callers = Executors.newFixedThreadPool(PUBLISHES);
            List<Future<PublishResult>> results = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            try {
                for (int i = 0; i < PUBLISHES; i++) {
                    PublishRequest request = request(proxy.host(), "run-" + i, settings);
                    results.add(callers.submit(() -> {
                        go.await();
                        return engine.publish(request, Host.explicit());
                    }));
                }
                go.countDown();
                for (Future<PublishResult> result : results) {
                    assertThat(result.get(120, TimeUnit.SECONDS).tagsWritten()).hasSize(1);
                }
            } finally {
                running.set(false);
                sampler.join();
                callers.shutdownNow();
                callers.awaitTermination(10, TimeUnit.SECONDS);
            }
            System.out.println("shared resources: " + PUBLISHES + " publishes, peak connections "
                    + proxy.peakOpenConnections() + ", peak engine threads " + peakEngineThreads.get());
            // Each of the 24 publishes alone would run its four platforms at once: ~100 requests in flight.
            assertThat(proxy.peakOpenConnections()).as("connections open at once at the registry")
                    .isLessThanOrEqualTo(2 * LIMITS.connections());
            assertThat(peakEngineThreads.get()).as("the engine's threads at their peak")
                    .isLessThanOrEqualTo(WORKERS + LIMITS.threads());
            assertThat(newThreads(threadsBefore)).as("threads of the engine while it is open")
                    .anyMatch(name -> name.endsWith("-SelectorManager"));

            engine.close();

            assertThat(newThreads(threadsBefore)).as("threads of the engine left after close").isEmpty();
            assertThat(socketsTo(proxy.port())).as("sockets of this process to the registry after close")
                    .isEqualTo(socketsBefore);
        }
    }

    private static PublishRequest request(String host, String tag, RegistrySettings settings) {
        List<PlatformSource> sources = new ArrayList<>();
        for (String platform : PLATFORMS) {
            sources.add(new PlatformSource(Platform.parse(platform),
                    ImageReference.parse(host + "/shared/app:" + tagOf(platform))));
        }
        return new PublishRequest(ImageReference.parse(host + "/shared/app:" + tag), List.of(), sources,
                IndexFormat.OCI, Map.of(), false, CheckPolicy.standard(), settings);
    }

    private static Set<Thread> liveThreads() {
        return new HashSet<>(Thread.getAllStackTraces().keySet());
    }

    /** Threads started since {@code before} that belong to an engine or an HTTP client. */
    private static Set<String> newThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> !before.contains(t))
                .map(Thread::getName)
                .filter(name -> name.startsWith("Multiarch engine") || name.startsWith("HttpClient-"))
                .collect(Collectors.toSet());
    }

    /** This process's open TCP sockets whose remote port is {@code port}: its file descriptors, matched in /proc/net. */
    static int socketsTo(int port) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException e) {
                    // the descriptor closed while we listed them
                }
            }
        }
        int count = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                String remote = fields[2];
                int remotePort = Integer.parseInt(remote.substring(remote.indexOf(':') + 1), 16);
                if (remotePort == port && inodes.contains(fields[9])) {
                    count++;
                }
            }
        }
        return count;
    }

    private static String tagOf(String platform) {
        return platform.substring("linux/".length()).replace("/", "");
    }
}
