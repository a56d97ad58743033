package io.jenkins.plugins.multiarch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.multiarch.engine.host.Host;
import io.jenkins.plugins.multiarch.engine.index.IndexFormat;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.publish.PlatformSource;
import io.jenkins.plugins.multiarch.engine.publish.PublishRequest;
import io.jenkins.plugins.multiarch.engine.publish.PublishResult;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.verify.CheckPolicy;
import io.jenkins.plugins.multiarch.testkit.FaultCase;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.ScratchImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 50 publishes at once into one repository through one engine, as a busy Jenkins controller runs them: every one
 * copies the same two images in from other repositories (the same blobs mounted, the same manifests put) and writes
 * its own tag. Distribution's filesystem storage races on concurrent mounts of one blob; the engine must not let that
 * fail a publish. Afterwards the threads and sockets of the run are gone; the heap is printed, not asserted.
 */
class ConcurrentPublishLoadTest {

    private static final int PUBLISHES = 50;

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.anonymous();

    @BeforeAll
    static void pushSources() {
        ScratchImage.forPlatform("linux/amd64").file("/hello", "amd64 load").pushTo(registry.host(), "load/amd64:1");
        ScratchImage.forPlatform("linux/arm64").file("/hello", "arm64 load").pushTo(registry.host(), "load/arm64:1");
    }

    @Test
    @FaultCase(area = "concurrency", fault = "50 publishes at once into one repository in one JVM, all mounting the same"
            + " blobs from other repositories", outcome = "all 50 succeed with one index digest; threads and sockets"
            + " back to the count before; heap printed")
    void fiftyConcurrentPublishesIntoOneRepositoryAllSucceedAndLeaveNothingBehind() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        int threadsBefore = Thread.activeCount();
        long socketsBefore = openSockets();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();

        List<PublishResult> results = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        long peakThreads;
        long peakSockets;
        try (Multiarch engine = Multiarch.create()) {
            ExecutorService callers = Executors.newFixedThreadPool(PUBLISHES);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<PublishResult>> futures = new ArrayList<>();
            for (int i = 0; i < PUBLISHES; i++) {
                PublishRequest request = request("t" + i);
                futures.add(callers.submit(() -> {
                    go.await();
                    return engine.publish(request, Host.explicit());
                }));
            }
            go.countDown();
            for (Future<PublishResult> future : futures) {
                try {
                    results.add(future.get(120, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            peakThreads = Thread.activeCount();
            peakSockets = openSockets();
            callers.shutdown();
            assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        long heapAfter = memory.getHeapMemoryUsage().getUsed();

        assertThat(failures).isEmpty();
        assertThat(results).hasSize(PUBLISHES);
        assertThat(results.stream().map(PublishResult::indexDigest).distinct()).hasSize(1);
        // On Java 17 a closed engine's HttpClient ends its selector thread and connections once it is collected.
        boolean released = awaitReleased(threadsBefore, socketsBefore);
        System.out.printf("50 concurrent publishes: threads %d before, %d at the end of the run, %d after;"
                        + " sockets %d before, %d at the end, %d after; heap used %d MiB before, %d MiB after the run%n",
                threadsBefore, peakThreads, Thread.activeCount(), socketsBefore, peakSockets, openSockets(),
                heapBefore >> 20, heapAfter >> 20);
        assertThat(released).as("threads (%d now, %d before) and sockets (%d now, %d before) back to the count before",
                Thread.activeCount(), threadsBefore, openSockets(), socketsBefore).isTrue();
    }

    private static PublishRequest request(String tag) {
        String host = registry.host();
        return new PublishRequest(ImageReference.parse(host + "/load/app:" + tag), List.of(), List.of(
                new PlatformSource(Platform.LINUX_AMD64, ImageReference.parse(host + "/load/amd64:1")),
                new PlatformSource(Platform.LINUX_ARM64, ImageReference.parse(host + "/load/arm64:1"))),
                IndexFormat.OCI, Map.of(), false).withChecks(CheckPolicy.configOnly());
    }

    /**
     * Collects garbage until threads and sockets are at most what they were before, for at most 10 s: the JDK's
     * HttpClient (Java 17) releases them from its own thread after it becomes unreachable, so this is a bounded wait
     * for an observable condition, not a guess at a delay.
     */
    private static boolean awaitReleased(int threads, long sockets) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (Thread.activeCount() <= threads && openSockets() <= sockets) {
                return true;
            }
            System.gc();
            Thread.sleep(50);
        }
        return false;
    }

    /** Open sockets of this JVM: the {@code socket:[inode]} links in {@code /proc/self/fd}. */
    static long openSockets() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException e) {
                    return false; // closed while listing
                }
            }).count();
        }
    }
}
