package io.jenkins.plugins.multiarch.engine.bench;

import io.jenkins.plugins.multiarch.engine.index.IndexFormat;
import io.jenkins.plugins.multiarch.engine.publish.PlatformSource;
import io.jenkins.plugins.multiarch.engine.publish.PublishRequest;
import io.jenkins.plugins.multiarch.engine.publish.Publisher;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import io.jenkins.plugins.multiarch.testkit.FaultInjectingProxy;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.ScratchImage;
import io.jenkins.plugins.multiarch.engine.verify.ImageCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Publishing an 8-platform index by tag: multiarch (in-process and as the CLI) against
 * {@code docker manifest create} + {@code docker manifest push}, through a proxy that adds a round trip per request
 * and per new connection, at several round-trip times. Prints requests, connections, median seconds and ratios.
 *
 * <p>Run by {@code bench/publish.sh}. Not a test: timings vary with the machine; only the ratios mean much.
 */
public final class PublishBenchmark {

    private static final List<String> PLATFORMS = List.of("linux/amd64", "linux/arm64", "linux/arm/v7", "linux/arm/v6",
            "linux/386", "linux/ppc64le", "linux/s390x", "linux/riscv64");
    private static final int RUNS = 5;

    public static void main(String[] args) throws Exception {
        Path multiarch = Path.of(args.length > 0 ? args[0] : "bin/multiarch").toAbsolutePath();
        List<Duration> rtts = List.of(Duration.ZERO, Duration.ofMillis(10), Duration.ofMillis(50));
        try (RegistryExtension registry = RegistryExtension.anonymous().start()) {
            for (String platform : PLATFORMS) {
                ScratchImage.forPlatform(platform).file("/hello", "hello " + platform)
                        .pushTo(registry.host(), "bench/app:" + tagOf(platform));
            }
            System.out.printf(Locale.ROOT, "%-8s %-26s %9s %12s %10s %8s%n", "RTT", "tool", "requests", "connections",
                    "median s", "ratio");
            for (Duration rtt : rtts) {
                try (FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(registry)) {
                    proxy.latency(rtt).connectionLatency(rtt);
                    Measurement inProcess = measure(proxy, i -> publishInProcess(proxy.host(), "inproc-" + i));
                    Measurement cli = measure(proxy, i -> publishWithCli(multiarch, proxy.host(), "cli-" + i));
                    Measurement docker = measure(proxy, i -> publishWithDocker(proxy.host(), "docker-" + i));
                    print(rtt, "multiarch (in-process)", inProcess, docker);
                    print(rtt, "multiarch CLI (with JVM)", cli, docker);
                    print(rtt, "docker manifest", docker, docker);
                }
            }
        }
    }

    private record Measurement(long requests, int connections, double medianSeconds) {
    }

    @FunctionalInterface
    private interface Run {
        void run(int index) throws Exception;
    }

    private static Measurement measure(FaultInjectingProxy proxy, Run run) throws Exception {
        run.run(0); // warm-up: JIT, caches, connection pools of the tools
        double[] seconds = new double[RUNS];
        long requests = 0;
        int connections = 0;
        for (int i = 1; i <= RUNS; i++) {
            proxy.clearRequests();
            int before = proxy.connections();
            long start = System.nanoTime();
            run.run(i);
            seconds[i - 1] = (System.nanoTime() - start) / 1e9;
            requests = proxy.requests().size();
            connections = proxy.connections() - before;
        }
        Arrays.sort(seconds);
        return new Measurement(requests, connections, seconds[RUNS / 2]);
    }

    private static void print(Duration rtt, String tool, Measurement m, Measurement peer) {
        System.out.printf(Locale.ROOT, "%-8s %-26s %9d %12d %10.3f %7.2fx%n", rtt.toMillis() + " ms", tool, m.requests(),
                m.connections(), m.medianSeconds(), peer.medianSeconds() / m.medianSeconds());
    }

    private static void publishInProcess(String host, String tag) {
        List<PlatformSource> sources = new ArrayList<>();
        for (String platform : PLATFORMS) {
            sources.add(PlatformSource.parse(platform + "=" + host + "/bench/app:" + tagOf(platform)));
        }
        PublishRequest request = new PublishRequest(ImageReference.parse(host + "/bench/app:" + tag), List.of(), sources,
                IndexFormat.OCI, java.util.Map.of(), false);
        new Publisher(RegistryClient.builder(host).build(), List.of(ImageCheck.configPlatform()), line -> { })
                .publish(request);
    }

    private static void publishWithCli(Path multiarch, String host, String tag) throws Exception {
        List<String> command = new ArrayList<>(List.of(multiarch.toString(), "publish", host + "/bench/app:" + tag));
        for (String platform : PLATFORMS) {
            command.addAll(List.of("--source", platform + "=" + host + "/bench/app:" + tagOf(platform)));
        }
        run(command, null);
    }

    private static void publishWithDocker(String host, String tag) throws Exception {
        Path config = Files.createTempDirectory("bench-docker-config");
        try {
            String target = host + "/bench/app:" + tag;
            List<String> create = new ArrayList<>(List.of("docker", "manifest", "create", "--insecure", target));
            for (String platform : PLATFORMS) {
                create.add(host + "/bench/app:" + tagOf(platform));
            }
            run(create, config);
            run(List.of("docker", "manifest", "push", "--insecure", "--purge", target), config);
        } finally {
            try (var files = Files.walk(config)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(List<String> command, Path dockerConfig) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (dockerConfig != null) {
            builder.environment().put("DOCKER_CONFIG", dockerConfig.toString());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static String tagOf(String platform) {
        return platform.substring("linux/".length()).replace("/", "");
    }
}
