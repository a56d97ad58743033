package io.jenkins.plugins.multiarch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build stopped with SIGTERM (what CI systems and Ctrl-C send) leaves no workspace behind: no OCI layout, and no
 * private auth file holding the registry password.
 *
 * <p>The builds are certainly running when the signal comes: each one's Dockerfile {@code ADD}s a file from a local
 * HTTP server that never answers, and the signal is sent once the server has been asked for it.
 */
class BuildInterruptIT {

    private static final String PASSWORD = "interrupt-S3cret";

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.htpasswd("builder", PASSWORD);

    @TempDir
    Path temp;

    @Test
    void sigtermDuringTheBuildsDeletesTheirWorkspaces() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService handlers = Executors.newCachedThreadPool();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/never", exchange -> {
            asked.countDown();
            try {
                release.await(); // until the test is over: the build waits for this download
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.setExecutor(handlers);
        server.start();
        try {
            sigtermWhileBuilding("http://127.0.0.1:" + server.getAddress().getPort() + "/never", asked);
        } finally {
            release.countDown();
            server.stop(0);
            handlers.shutdownNow();
        }
    }

    private void sigtermWhileBuilding(String neverAnswered, CountDownLatch asked) throws Exception {
        Path context = Files.createDirectories(temp.resolve("context"));
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nADD " + neverAnswered + " /never\n");
        Path tmp = Files.createDirectories(temp.resolve("tmp"));
        ProcessBuilder builder = new ProcessBuilder(MultiarchProcess.repositoryRoot().resolve("bin/multiarch").toString(),
                "build", registry.host() + "/cli/interrupted:1", "--platform", "linux/amd64,linux/arm64",
                "--builder", "buildah", "--context", context.toString(), "--storage-driver", "vfs",
                "--storage-root", temp.resolve("storage").toString(), "--username", "builder", "--password-stdin")
                .redirectErrorStream(true).redirectOutput(temp.resolve("output.txt").toFile());
        builder.environment().put("TMPDIR", tmp.toString());
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
        }

        assertThat(asked.await(60, TimeUnit.SECONDS)).as("a build asked for its download: %s",
                Files.readString(temp.resolve("output.txt"))).isTrue();
        assertThat(workspaces(tmp)).as("workspaces while building: %s", Files.readString(temp.resolve("output.txt")))
                .isNotEmpty();
        process.destroy(); // SIGTERM
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();

        assertThat(process.exitValue()).isNotZero();
        assertThat(workspaces(tmp)).as("workspaces left after SIGTERM").isEmpty();
        assertThat(Files.readString(temp.resolve("output.txt"))).doesNotContain(PASSWORD);
    }

    private static List<Path> workspaces(Path tmp) throws Exception {
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("multiarch-")).toList();
        }
    }
}
