package io.jenkins.plugins.multiarch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.multiarch.testkit.FaultCase;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.ScratchImage;
import io.jenkins.plugins.multiarch.testkit.Skopeo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a busy CI does: many {@code multiarch publish} processes at once into one repository, each mounting the same
 * blobs from another repository (Distribution's filesystem storage races on concurrent mounts of one blob; the
 * manifest PUT that follows can answer MANIFEST_BLOB_UNKNOWN or DIGEST_INVALID, which the client retries after
 * confirming the blobs).
 */
class ConcurrentPublishCommandIT {

    private static final int PROCESSES = 20;

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.anonymous();

    @Test
    @FaultCase(area = "concurrency", fault = "20 CLI processes publish into one repository at once, all mounting the same"
            + " blobs from another repository", outcome = "all 20 exit 0; every tag holds the one index of both images")
    void twentyProcessesPublishIntoOneRepository() throws Exception {
        String sources = registry.host() + "/busy/src";
        String amd64 = ScratchImage.forPlatform("linux/amd64").file("/hello", "amd64").pushTo(registry.host(), "busy/src:amd64");
        String arm64 = ScratchImage.forPlatform("linux/arm64").file("/hello", "arm64").pushTo(registry.host(), "busy/src:arm64");
        String target = registry.host() + "/busy/app";

        ExecutorService pool = Executors.newFixedThreadPool(PROCESSES);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<MultiarchProcess.Outcome>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < PROCESSES; i++) {
                String tag = "run-" + i;
                runs.add(pool.submit(() -> {
                    go.await();
                    return MultiarchProcess.run("publish", target + ":" + tag, "--no-binary-check",
                            "--source", "linux/amd64=" + sources + "@" + amd64,
                            "--source", "linux/arm64=" + sources + "@" + arm64);
                }));
            }
            go.countDown();
            for (Future<MultiarchProcess.Outcome> run : runs) {
                MultiarchProcess.Outcome outcome = run.get();
                assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        String first = Skopeo.rawManifest(target + ":run-0", null);
        assertThat(first).contains(amd64, arm64);
        for (int i = 1; i < PROCESSES; i++) {
            assertThat(Skopeo.rawManifest(target + ":run-" + i, null)).isEqualTo(first);
        }
    }
}
