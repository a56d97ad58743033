package io.jenkins.plugins.multiarch.engine.bench;

import io.jenkins.plugins.multiarch.engine.Multiarch;
import io.jenkins.plugins.multiarch.engine.host.Host;
import io.jenkins.plugins.multiarch.engine.index.IndexFormat;
import io.jenkins.plugins.multiarch.engine.publish.PlatformSource;
import io.jenkins.plugins.multiarch.engine.publish.PublishRequest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.RegistrySettings;
import io.jenkins.plugins.multiarch.engine.registry.transport.HttpLimits;
import io.jenkins.plugins.multiarch.engine.verify.CheckPolicy;
import io.jenkins.plugins.multiarch.testkit.ElfFixtures;
import io.jenkins.plugins.multiarch.testkit.FaultInjectingProxy;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.TarLayer;
import io.jenkins.plugins.multiarch.testkit.UploadedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The benchmark suite of {@code bin/bench} (issue 12): publishes of 8 and 32 platforms by tag with multiarch (the CLI
 * and the engine in-process, warm) against {@code docker manifest}, {@code buildah manifest} and {@code podman
 * manifest}, through a proxy that adds a round trip per request and per new connection and counts both; many
 * concurrent in-process publishes on one engine; 128 platforms at 50 ms in-process, in round trips. Prints one table
 * (median, min, max, ratio to {@code docker manifest}) as Markdown rows. Not a test: timings vary with the machine.
 *
 * <p>Modes: {@code publish BIN_MULTIARCH RUNS} (env {@code BENCH_SIZES}, {@code BENCH_TOOLS} to run some alone),
 * {@code concurrent N [CONNECTIONS]}, {@code build BIN_MULTIARCH RUNS}, {@code platforms128 RUNS [CONNECTIONS[/THREADS]
 * ...]} (env {@code BENCH_RTT_MS}, default 50). Each mode in its own JVM, so peak figures (threads, RSS) are its own.
 */
public final class SuiteBenchmark {

    private static final List<String> REAL = List.of("linux/amd64", "linux/arm64", "linux/arm/v7", "linux/arm/v6",
            "linux/386", "linux/ppc64le", "linux/s390x", "linux/riscv64");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "publish" -> publish(Path.of(args[1]).toAbsolutePath(), Integer.parseInt(args[2]));
            case "concurrent" -> concurrent(Integer.parseInt(args[1]), args.length > 2
                    ? new HttpLimits(Integer.parseInt(args[2]), HttpLimits.DEFAULT.threads()) : HttpLimits.DEFAULT);
            case "build" -> build(Path.of(args[1]).toAbsolutePath(), Integer.parseInt(args[2]));
            case "platforms128" -> platforms128(Integer.parseInt(args[1]), Arrays.stream(args).skip(2).toList());
            default -> throw new IllegalArgumentException("mode publish, concurrent, build or platforms128, not "
                    + args[0]);
        }
    }

    // ---- the platforms and their images ----

    /** Further operating systems, for more than 8 distinct platforms (an index lists each platform once). */
    private static final List<String> OTHER_OS = List.of("freebsd", "netbsd", "openbsd", "dragonfly", "solaris",
            "illumos", "android", "aix", "plan9", "zos", "ios", "darwin", "js", "wasip1", "windows");

    /** N distinct platforms: the eight real Linux ones, then the same architectures on other systems. */
    static List<String> platforms(int n) {
        List<String> all = new ArrayList<>(REAL.subList(0, Math.min(n, REAL.size())));
        for (int i = 0; all.size() < n; i++) {
            all.add(OTHER_OS.get(i / REAL.size()) + REAL.get(i % REAL.size()).substring("linux".length()));
        }
        return all;
    }

    /**
     * The binary check for the eight Linux platforms (the test programs are Linux ELF files); beyond, the config check
     * only: a Linux program in a FreeBSD image would rightly fail.
     */
    static CheckPolicy checks(int n) {
        return n <= REAL.size() ? CheckPolicy.standard() : CheckPolicy.configOnly();
    }

    static byte[] program(String platform) {
        return switch (platform) {
            case "linux/arm64" -> ElfFixtures.aarch64();
            case "linux/arm/v7", "linux/arm/v6" -> ElfFixtures.armHardFloat();
            case "linux/386" -> ElfFixtures.i386();
            case "linux/ppc64le" -> ElfFixtures.ppc64le();
            case "linux/s390x" -> ElfFixtures.s390x();
            case "linux/riscv64" -> ElfFixtures.riscv64();
            default -> ElfFixtures.x86_64();
        };
    }

    static String tagOf(String platform) {
        return platform.replace("/", "-");
    }

    static void pushImages(RegistryExtension registry, List<String> platforms) {
        for (String platform : platforms) {
            UploadedImage.forPlatform(platform).layer(TarLayer.withFile("hello", program(platform)))
                    .entrypoint("/hello").pushTo(registry, "bench/app:" + tagOf(platform));
        }
    }

    static PublishRequest request(String host, List<String> platforms, String tag) {
        return request(host, platforms, tag, RegistrySettings.DEFAULT);
    }

    static PublishRequest request(String host, List<String> platforms, String tag, RegistrySettings settings) {
        List<PlatformSource> sources = new ArrayList<>();
        for (String platform : platforms) {
            sources.add(PlatformSource.parse(platform + "=" + host + "/bench/app:" + tagOf(platform)));
        }
        return new PublishRequest(ImageReference.parse(host + "/bench/app:" + tag), List.of(), sources,
                IndexFormat.OCI, Map.of(), false, checks(platforms.size()), settings);
    }

    // ---- mode publish ----

    /**
     * @param registryCpu the registry's CPU seconds per timed run (this JVM's child processes)
     * @param driverCpu   this JVM's CPU seconds per timed run: the engine in-process, the proxy, the JIT compiler
     */
    private record Row(String what, int rtt, double[] seconds, long requests, int connections, double registryCpu,
                       double driverCpu) {
        double median() {
            double[] s = seconds.clone();
            Arrays.sort(s);
            return s[s.length / 2];
        }
    }

    @FunctionalInterface
    private interface Run {
        void run(String tag) throws Exception;
    }

    private static void publish(Path multiarch, int runs) throws Exception {
        try (RegistryExtension registry = RegistryExtension.anonymous().start();
             Multiarch engine = Multiarch.create()) {
            pushImages(registry, platforms(128));
            // The CLI's start-up archive, trained on a real publish with the binary check.
            List<String> train = new ArrayList<>(List.of("publish", registry.host() + "/bench/app:train"));
            platforms(8).forEach(p -> train.addAll(List.of("--source", p + "=" + registry.host() + "/bench/app:"
                    + tagOf(p))));
            command(List.of(multiarch.toString(), "--version"), Map.of("MULTIARCH_RETRAIN", "1",
                    "MULTIARCH_TRAIN_COMMAND", String.join(" ", train)));
            System.out.println("| platforms | RTT | tool | requests | new connections | median s | min s | max s"
                    + " | docker manifest ÷ this |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            Map<String, Row> measured = new LinkedHashMap<>(); // "platforms/RTT/tool"
            // While iterating: BENCH_SIZES=8, BENCH_TOOLS="docker manifest;multiarch CLI" (names have commas).
            List<Integer> sizes = Arrays.stream(System.getenv().getOrDefault("BENCH_SIZES", "8,32,128").split(","))
                    .map(String::trim).map(Integer::parseInt).toList();
            String only = System.getenv("BENCH_TOOLS");
            for (int n : sizes.stream().filter(n -> n != 128).toList()) {
                List<String> platforms = platforms(n);
                for (int rtt : List.of(0, 50)) {
                    try (FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(registry)) {
                        proxy.latency(Duration.ofMillis(rtt)).connectionLatency(Duration.ofMillis(rtt));
                        String host = proxy.host();
                        Map<String, Run> tools = new LinkedHashMap<>();
                        tools.put("docker manifest", tag -> docker(host, platforms, tag));
                        tools.put("buildah manifest", tag -> containers("buildah", host, platforms, tag));
                        tools.put("podman manifest", tag -> containers("podman", host, platforms, tag));
                        tools.put("multiarch CLI", tag -> cli(multiarch, host, platforms, tag));
                        tools.put("multiarch in-process, warm", tag -> engine.publish(request(host, platforms, tag),
                                Host.explicit()));
                        if (only != null) {
                            tools.keySet().retainAll(Arrays.stream(only.split(";")).map(String::trim).toList());
                        }
                        Row docker = null;
                        for (Map.Entry<String, Run> tool : tools.entrySet()) {
                            Row row;
                            try {
                                row = measure(proxy, tool.getKey(), rtt, runs, n, tool.getValue());
                            } catch (Exception e) {
                                System.out.printf(Locale.ROOT, "| %d | %d ms | %s | failed: %s |%n", n, rtt,
                                        tool.getKey(), e.getMessage().lines().findFirst().orElse(""));
                                continue;
                            }
                            if (docker == null && tool.getKey().equals("docker manifest")) {
                                docker = row;
                            }
                            print(n, row, docker);
                            measured.put(n + "/" + rtt + "/" + tool.getKey(), row);
                        }
                    }
                }
            }
            // 128 platforms at 50 ms in-process: the time in round trips says how many request rounds it took.
            if (!sizes.contains(128)) {
                printTargets(measured);
                return;
            }
            // Also at 0 ms: what the same publish costs with no latency at all is its CPU part.
            Map<Integer, Row> rows = new LinkedHashMap<>();
            for (int rtt : List.of(50, 0)) {
                try (FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(registry)) {
                    proxy.latency(Duration.ofMillis(rtt)).connectionLatency(Duration.ofMillis(rtt));
                    Row row = measure(proxy, "multiarch in-process, warm", rtt, runs, 128,
                            tag -> engine.publish(request(proxy.host(), platforms(128), tag), Host.explicit()));
                    print(128, row, null);
                    rows.put(rtt, row);
                }
            }
            Row at50 = rows.get(50);
            Row at0 = rows.get(0);
            System.out.printf(Locale.ROOT, "%n128 platforms at 50 ms RTT, in-process: %.1f round trips' worth of time"
                    + " (median %.3f s / 0.05 s); the same publish at 0 ms RTT: %.3f s. CPU per publish at 50 ms: the"
                    + " registry %.3f s, this JVM (engine, proxy, JIT) %.3f s, on %d cores.%n", at50.median() / 0.05,
                    at50.median(), at0.median(), at50.registryCpu(), at50.driverCpu(),
                    Runtime.getRuntime().availableProcessors());
            measured.put("128/50/multiarch in-process, warm", at50);
            printTargets(measured);
        }
    }

    /** The targets against this run's figures (ratios of medians), for the rows this run measured. */
    private static void printTargets(Map<String, Row> measured) {
        System.out.printf("%n| target | measured | met? |%n|---|---|---|%n");
        Row docker0 = measured.get("8/0/docker manifest");
        Row docker50 = measured.get("8/50/docker manifest");
        ratioTarget("CLI publish on loopback (8 platforms) ≤ 4 × `docker manifest`", measured.get("8/0/multiarch CLI"),
                docker0, 4.0);
        ratioTarget("CLI publish at 50 ms RTT ≤ 0.25 × `docker manifest`", measured.get("8/50/multiarch CLI"), docker50,
                0.25);
        ratioTarget("engine in-process, warm, at 50 ms RTT ≤ 0.10 × `docker manifest`",
                measured.get("8/50/multiarch in-process, warm"), docker50, 0.10);
        Row wide = measured.get("128/50/multiarch in-process, warm");
        if (wide != null) {
            double rounds = wide.median() / 0.05;
            System.out.printf(Locale.ROOT, "| 128 platforms at 50 ms RTT, in-process ≤ 10 round trips | %.3f s: %.1f round"
                    + " trips | %s |%n", wide.median(), rounds, rounds <= 10 ? "yes" : "no");
        }
    }

    private static void ratioTarget(String target, Row row, Row docker, double limit) {
        if (row == null || docker == null) {
            return;
        }
        double ratio = row.median() / docker.median();
        System.out.printf(Locale.ROOT, "| %s | %.3f s vs %.3f s: %.2f × | %s |%n", target, row.median(), docker.median(),
                ratio, ratio <= limit ? "yes" : "no");
    }

    /**
     * 128 platforms at 50 ms in-process, once per connection limit, in one JVM and one run (so the ratios between the
     * limits mean something on a shared machine): rounds = median / RTT, with the proxy's request and connection counts.
     */
    private static void platforms128(int runs, List<String> limits) throws Exception {
        try (RegistryExtension registry = RegistryExtension.anonymous().start();
             Multiarch engine = Multiarch.create();
             FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(registry)) {
            pushImages(registry, platforms(128));
            // BENCH_RTT_MS=0 shows the CPU part alone: what is left at 50 ms beyond it is waiting on round trips.
            int rtt = Integer.parseInt(System.getenv().getOrDefault("BENCH_RTT_MS", "50"));
            proxy.latency(Duration.ofMillis(rtt)).connectionLatency(Duration.ofMillis(rtt));
            System.out.println("| platforms | RTT | connections/threads per registry | requests | new connections | median s"
                    + " | min s | max s | round trips (median / RTT) | registry CPU s | this JVM's CPU s |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
            // Each limit as CONNECTIONS or CONNECTIONS/THREADS; none: the default.
            for (String limit : limits.isEmpty() ? List.of(HttpLimits.DEFAULT.connections() + "/"
                    + HttpLimits.DEFAULT.threads()) : limits) {
                String[] parts = (limit.contains("/") ? limit : limit + "/" + HttpLimits.DEFAULT.threads()).split("/");
                HttpLimits httpLimits = new HttpLimits(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
                RegistrySettings settings = RegistrySettings.DEFAULT.withHttpLimits(httpLimits);
                String label = httpLimits.connections() + "/" + httpLimits.threads();
                Row row = measure(proxy, "multiarch in-process, warm", rtt, runs, 128, tag -> engine.publish(
                        request(proxy.host(), platforms(128), tag + "-c" + label.replace('/', '-'), settings), Host.explicit()));
                double[] s = row.seconds().clone();
                Arrays.sort(s);
                System.out.printf(Locale.ROOT, "| 128 | %d ms | %s | %d | %d | %.3f | %.3f | %.3f | %s | %.3f | %.3f |%n",
                        rtt, label, row.requests(), row.connections(), row.median(), s[0], s[s.length - 1],
                        rtt == 0 ? "—" : String.format(Locale.ROOT, "%.1f", row.median() * 1000 / rtt),
                        row.registryCpu(), row.driverCpu());
            }
        }
    }

    /**
     * In-process rows warm up this many runs first (BENCH_WARMUP; other tools one): the engine shares the JVM with the
     * driver, and after a single run the JIT compiler was measured still taking 0.15-0.3 s of CPU per 128-platform
     * publish on these 2 cores, which a controller that publishes all day does not pay.
     */
    private static final int IN_PROCESS_WARMUP = Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP", "10"));

    private static Row measure(FaultInjectingProxy proxy, String what, int rtt, int runs, int n, Run run)
            throws Exception {
        int warmup = what.contains("in-process") ? IN_PROCESS_WARMUP : 1;
        for (int i = 0; i < warmup; i++) {
            run.run("warm" + i + "-" + what.replace(' ', '-').replace(",", "") + "-" + n); // JIT, caches, pools
        }
        double[] seconds = new double[runs];
        long requests = 0;
        int connections = 0;
        long registryTicks = childCpuTicks();
        long driverNanos = driverCpuNanos();
        for (int i = 0; i < runs; i++) {
            proxy.clearRequests();
            int before = proxy.connections();
            long start = System.nanoTime();
            run.run("r" + i + "-" + what.replace(' ', '-').replace(",", "") + "-" + n);
            seconds[i] = (System.nanoTime() - start) / 1e9;
            requests = proxy.requests().size();
            connections = proxy.connections() - before;
        }
        double registryCpu = (childCpuTicks() - registryTicks) / 100.0 / runs;
        double driverCpu = (driverCpuNanos() - driverNanos) / 1e9 / runs;
        return new Row(what, rtt, seconds, requests, connections, registryCpu, driverCpu);
    }

    /** CPU time of this JVM's child processes (the registry; no tool runs during an in-process row), in 1/100 s. */
    private static long childCpuTicks() {
        return ProcessHandle.current().descendants().mapToLong(child -> {
            try {
                String stat = Files.readString(Path.of("/proc/" + child.pid() + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            } catch (IOException | RuntimeException e) {
                return 0; // ended meanwhile
            }
        }).sum();
    }

    private static long driverCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void print(int n, Row row, Row docker) {
        double[] s = row.seconds().clone();
        Arrays.sort(s);
        String ratio = docker == null ? "—" : String.format(Locale.ROOT, "%.2f", docker.median() / row.median());
        System.out.printf(Locale.ROOT, "| %d | %d ms | %s | %d | %d | %.3f | %.3f | %.3f | %s |%n", n, row.rtt(),
                row.what(), row.requests(), row.connections(), row.median(), s[0], s[s.length - 1], ratio);
    }

    private static void docker(String host, List<String> platforms, String tag) throws Exception {
        Path config = Files.createTempDirectory("bench-docker-config");
        try {
            String target = host + "/bench/app:" + tag;
            List<String> create = new ArrayList<>(List.of("docker", "manifest", "create", "--insecure", target));
            platforms.forEach(p -> create.add(host + "/bench/app:" + tagOf(p)));
            command(create, Map.of("DOCKER_CONFIG", config.toString()));
            command(List.of("docker", "manifest", "push", "--insecure", "--purge", target),
                    Map.of("DOCKER_CONFIG", config.toString()));
        } finally {
            deleteTree(config);
        }
    }

    /** buildah or podman: create a local list, add each image, push it, remove it. */
    private static void containers(String tool, String host, List<String> platforms, String tag) throws Exception {
        String list = "localhost/bench-list-" + tag;
        try {
            command(List.of(tool, "--storage-driver", "vfs", "manifest", "rm", list), Map.of());
        } catch (IllegalStateException none) {
            // no list of that name left from an interrupted run: the usual case
        }
        command(List.of(tool, "--storage-driver", "vfs", "manifest", "create", list), Map.of());
        try {
            for (String platform : platforms) {
                command(List.of(tool, "--storage-driver", "vfs", "manifest", "add", "--tls-verify=false", list,
                        "docker://" + host + "/bench/app:" + tagOf(platform)), Map.of());
            }
            command(List.of(tool, "--storage-driver", "vfs", "manifest", "push", "--tls-verify=false", list,
                    "docker://" + host + "/bench/app:" + tag), Map.of());
        } finally {
            command(List.of(tool, "--storage-driver", "vfs", "manifest", "rm", list), Map.of());
        }
    }

    private static void cli(Path multiarch, String host, List<String> platforms, String tag) throws Exception {
        List<String> command = new ArrayList<>(List.of(multiarch.toString(), "publish", host + "/bench/app:" + tag));
        platforms.forEach(p -> command.addAll(List.of("--source", p + "=" + host + "/bench/app:" + tagOf(p))));
        if (platforms.size() > REAL.size()) {
            command.add("--no-binary-check");
        }
        command(command, Map.of());
    }

    private static void command(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command.subList(0, Math.min(4, command.size())))
                    + " failed: " + output);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    // ---- mode build ----

    /** {@code build --jobs 4} for four platforms against {@code --jobs 1} (one after another), with buildah. */
    private static void build(Path multiarch, int runs) throws Exception {
        Path context = Files.createTempDirectory("bench-build");
        try (RegistryExtension registry = RegistryExtension.anonymous().start()) {
            Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY hello /hello\nENTRYPOINT [\"/hello\"]\n");
            Files.write(context.resolve("hello"), ElfFixtures.x86_64());
            System.out.println("| build, 4 platforms (buildah, FROM scratch + COPY, each image pushed by digest) | median s | min s"
                    + " | max s | one after another ÷ this |");
            System.out.println("|---|---|---|---|---|");
            Map<Integer, double[]> results = new LinkedHashMap<>();
            for (int jobs : List.of(1, 4)) {
                double[] seconds = new double[runs];
                for (int i = -1; i < runs; i++) {
                    long start = System.nanoTime();
                    command(List.of(multiarch.toString(), "build", registry.host() + "/bench/build:j" + jobs + "-" + i,
                            "--platform", "linux/amd64,linux/arm64,linux/arm/v7,linux/riscv64", "--builder", "buildah",
                            "--storage-driver", "vfs", "--jobs", String.valueOf(jobs), "--context", context.toString(),
                            "--progress", "plain"), Map.of());
                    if (i >= 0) {
                        seconds[i] = (System.nanoTime() - start) / 1e9;
                    }
                }
                Arrays.sort(seconds);
                results.put(jobs, seconds);
            }
            double sequential = results.get(1)[runs / 2];
            for (Map.Entry<Integer, double[]> r : results.entrySet()) {
                double[] s = r.getValue();
                System.out.printf(Locale.ROOT, "| --jobs %d | %.3f | %.3f | %.3f | %.2f |%n", r.getKey(), s[runs / 2], s[0],
                        s[runs - 1], sequential / s[runs / 2]);
            }
        } finally {
            deleteTree(context);
        }
    }

    // ---- mode concurrent ----

    private static void concurrent(int publishes, HttpLimits limits) throws Exception {
        try (RegistryExtension registry = RegistryExtension.anonymous().start()) {
            List<String> platforms = platforms(8);
            pushImages(registry, platforms);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            int threadsBefore = threads.getThreadCount();
            int socketsBefore = sockets();
            double[] seconds = new double[publishes];
            int peakThreads;
            long heapAfter;
            int failed = 0;
            Multiarch engine = Multiarch.create();
            engine.publish(request(registry.host(), platforms, "warm"), Host.explicit());
            threads.resetPeakThreadCount();
            ExecutorService callers = Executors.newFixedThreadPool(publishes);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Double>> results = new ArrayList<>();
            for (int i = 0; i < publishes; i++) {
                PublishRequest request = request(registry.host(), platforms, "c" + i,
                        RegistrySettings.DEFAULT.withHttpLimits(limits));
                results.add(callers.submit(() -> {
                    go.await();
                    long start = System.nanoTime();
                    engine.publish(request, Host.explicit());
                    return (System.nanoTime() - start) / 1e9;
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            for (int i = 0; i < publishes; i++) {
                try {
                    seconds[i] = results.get(i).get(300, TimeUnit.SECONDS);
                } catch (Exception e) {
                    failed++;
                    seconds[i] = Double.NaN;
                    System.err.println("publish " + i + " failed: " + e.getMessage());
                }
            }
            double wall = (System.nanoTime() - start) / 1e9;
            peakThreads = threads.getPeakThreadCount();
            Runtime rt = Runtime.getRuntime();
            heapAfter = rt.totalMemory() - rt.freeMemory();
            callers.shutdown();
            callers.awaitTermination(10, TimeUnit.SECONDS);
            int socketsOpen = sockets();
            engine.close();
            int threadsAfter = threads.getThreadCount();
            int socketsAfter = sockets();
            double[] sorted = Arrays.stream(seconds).filter(d -> !Double.isNaN(d)).sorted().toArray();
            System.out.printf(Locale.ROOT, "| %d concurrent in-process publishes (8 platforms, binary check, loopback, "
                    + limits + ")"
                    + " | p50 %.3f s | p99 %.3f s | max %.3f s | all in %.3f s | failed %d |%n", publishes,
                    sorted[sorted.length / 2], sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99)
                            - 1)], sorted[sorted.length - 1], wall, failed);
            System.out.printf(Locale.ROOT, "| peak threads %d (of which %d callers; %d before) | threads after close %d"
                    + " | sockets before %d, before close %d, after close %d | heap used after %d MiB | peak RSS %d MiB"
                    + " |%n", peakThreads, publishes, threadsBefore, threadsAfter, socketsBefore, socketsOpen,
                    socketsAfter, heapAfter >> 20, peakRssKib() >> 10);
            boolean met = peakThreads <= 300 && peakRssKib() * 1024 <= 300_000_000L && failed == 0
                    && threadsAfter <= threadsBefore && socketsAfter <= socketsBefore;
            System.out.printf(Locale.ROOT, "%nTarget (%d concurrent publishes: peak threads ≤ 300, RSS ≤ 300 MB, none"
                    + " failing, threads and sockets back to where they were): %s%n", publishes, met ? "met" : "missed");
        }
    }

    private static int sockets() throws IOException {
        int n = 0;
        try (var fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).toString().startsWith("socket:")) {
                        n++;
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        return n;
    }

    private static long peakRssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
