package io.jenkins.plugins.multiarch.engine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.multiarch.engine.image.ImageResolver;
import io.jenkins.plugins.multiarch.engine.image.ResolvedImage;
import io.jenkins.plugins.multiarch.engine.oci.Descriptor;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import io.jenkins.plugins.multiarch.testkit.Digests;
import io.jenkins.plugins.multiarch.testkit.FaultInjectingProxy;
import io.jenkins.plugins.multiarch.testkit.LayerBlob;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.TarLayer;
import io.jenkins.plugins.multiarch.testkit.UploadedImage;
import io.jenkins.plugins.multiarch.engine.util.Sizes;
import io.jenkins.plugins.multiarch.engine.verify.BinaryImageCheck;
import io.jenkins.plugins.multiarch.engine.verify.CheckResult;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much of a registry the binary check reads, against pulling the image. An amd64 image whose entrypoint
 * ({@code /bin/true} of this machine) sits in a small top layer above a bottom layer of incompressible random data
 * (1 GiB by default, an uncompressed tar) is uploaded to a local registry; then:
 * <ol>
 *   <li>the binary check in this JVM: compressed bytes read, wall time, heap peak;</li>
 *   <li>{@code bin/multiarch verify} as its own process: wall time and max RSS ({@code /usr/bin/time -v});</li>
 *   <li>the peers: every blob downloaded in full by the engine's client, and {@code skopeo copy} to a directory.</li>
 * </ol>
 * Whether the bottom layer was requested at all is read from a request-logging proxy (in-process row) and from the
 * check's own {@code layersOpened} detail (CLI row). Not a test: it
 * measures and prints; run it with {@code bench/verify-bytes-read.sh [SIZE]}.
 */
public final class VerifyBytesReadBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One row of the table; {@code inProcess} rows are timed against the in-process check, the others against the CLI. */
    private record Row(String what, boolean inProcess, long bytesRead, long bottomLayerBytes, double seconds,
            String memory) {
    }

    public static void main(String[] args) throws Exception {
        Path results = Path.of(args.length > 0 ? args[0] : "bench/results");
        long bottomSize = args.length > 1 ? Sizes.parse(args[1], "SIZE") / 512 * 512 : 1L << 30;
        Path repositoryRoot = Path.of(args.length > 2 ? args[2] : ".").toAbsolutePath();
        Files.createDirectories(results);
        try (RegistryExtension registry = RegistryExtension.anonymous().start()) {
            String reference = registry.host() + "/bench/app:1.0";
            Instant start = Instant.now();
            Digest bottom = uploadImage(registry, bottomSize);
            System.err.printf(Locale.ROOT, "uploaded a %s bottom layer in %.1f s%n", Sizes.human(bottomSize),
                    (Instant.now().toEpochMilli() - start.toEpochMilli()) / 1000.0);

            List<Row> rows = new ArrayList<>();
            rows.add(checkInProcess(registry, reference, bottom));
            rows.add(cliVerify(reference, bottom, repositoryRoot));
            rows.add(downloadEveryBlob(registry, reference, bottom));
            rows.add(skopeoCopy(reference, bottomSize));
            String table = table(reference, bottomSize, rows);
            System.out.print(table);
            Path file = results.resolve("verify-bytes-read-" + Instant.now().toString().replace(':', '-') + ".txt");
            Files.writeString(file, table);
            System.err.println("written to " + file);
        }
    }

    /** Bottom: the random layer. Top: a gzip layer with this machine's /bin/true as /hello, the entrypoint. */
    private static Digest uploadImage(RegistryExtension registry, long bottomSize) throws IOException {
        String bottom;
        try (InputStream in = new RandomTarStream("data/random.bin", bottomSize, 42)) {
            bottom = Digests.sha256(in);
        }
        TarLayer top = TarLayer.builder().file("hello", Files.readAllBytes(Path.of("/bin/true"))).build();
        UploadedImage.forPlatform("linux/amd64")
                .layer(LayerBlob.uncompressed(bottom, bottomSize, () -> new RandomTarStream("data/random.bin",
                        bottomSize, 42)))
                .layer(top)
                .entrypoint("/hello")
                .pushTo(registry, "bench/app:1.0");
        return Digest.parse(bottom);
    }

    /**
     * Through a request-logging proxy, so that "the bottom layer was never requested" is what the wire says, not only
     * what the engine's own accounting says.
     */
    private static Row checkInProcess(RegistryExtension registry, String reference, Digest bottom) {
        try (FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(registry)) {
            RegistryClient client = RegistryClient.builder(proxy.host()).build();
            ResolvedImage image = new ImageResolver(client).resolve(Platform.LINUX_AMD64,
                    ImageReference.parse(reference.replace(registry.host(), proxy.host())));
            System.gc();
            heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
            long started = System.nanoTime();
            CheckResult result = BinaryImageCheck.programOnly().check(image, client);
            double seconds = (System.nanoTime() - started) / 1e9;
            long heapPeak = heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            if (result.status() != CheckResult.Status.PASSED) {
                throw new IllegalStateException("the benchmark image should pass: " + result.message());
            }
            long bottomRequests = proxy.count("GET", ".*/blobs/" + Pattern.quote(bottom.toString()));
            System.err.println("binary check: " + result.message() + "; layers opened: "
                    + result.details().get("layersOpened") + "; GETs of the bottom blob seen by the proxy: "
                    + bottomRequests);
            return new Row("binary check (in-process, via proxy)", true, Long.parseLong(result.details().get("bytesRead")),
                    bottomRequests == 0 ? 0 : -1, seconds, "heap peak " + Sizes.human(heapPeak));
        }
    }

    /** Straight to the registry; which layers it opened comes from the result's own details. */
    private static Row cliVerify(String reference, Digest bottom, Path repositoryRoot)
            throws IOException, InterruptedException {
        Timed run = Timed.run(List.of(repositoryRoot.resolve("bin/multiarch").toString(), "verify", reference,
                "--output", "json"));
        JsonNode details = JSON.readTree(run.stdout()).path("platforms").get(0).path("checks").get(1).path("details");
        boolean bottomOpened = !details.path("layersOpened").asText().equals("1 of 2")
                || details.path("layerDigest").asText().equals(bottom.toString());
        return new Row("multiarch verify (process)", false, details.path("bytesRead").asLong(), bottomOpened ? -1 : 0,
                run.seconds(), "max RSS " + Sizes.human(run.maxRssBytes()));
    }

    /** The peer: what any check that pulls the image first must transfer. */
    private static Row downloadEveryBlob(RegistryExtension registry, String reference, Digest bottom) throws IOException {
        RegistryClient client = RegistryClient.builder(registry.host()).build();
        ResolvedImage image = new ImageResolver(client).resolve(Platform.LINUX_AMD64, ImageReference.parse(reference));
        long started = System.nanoTime();
        long total = 0;
        long bottomBytes = 0;
        byte[] buffer = new byte[1 << 16];
        for (Descriptor layer : image.image().layers()) {
            long layerBytes = 0;
            try (InputStream in = client.openBlob(image.source().repository(), layer.digest())) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    layerBytes += n;
                }
            }
            total += layerBytes;
            if (layer.digest().equals(bottom)) {
                bottomBytes = layerBytes;
            }
        }
        return new Row("download every blob (in-process)", true, total, bottomBytes, (System.nanoTime() - started) / 1e9, "-");
    }

    private static Row skopeoCopy(String reference, long bottomSize) throws IOException, InterruptedException {
        Path target = Files.createTempDirectory("bench-skopeo-");
        try {
            Timed run = Timed.run(List.of("skopeo", "copy", "--quiet", "--src-tls-verify=false",
                    "docker://" + reference, "dir:" + target.resolve("image")));
            long copied;
            try (var files = Files.walk(target)) {
                copied = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
            return new Row("skopeo copy docker:// dir: (process)", false, copied, bottomSize, run.seconds(),
                    "max RSS " + Sizes.human(run.maxRssBytes()));
        } finally {
            try (var files = Files.walk(target)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static String table(String reference, long bottomSize, List<Row> rows) {
        Row check = rows.get(0);
        Row cli = rows.get(1);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Binary check vs. pulling: %s, entrypoint in a small top layer above a %s"
                + " bottom layer of random data%n", reference, Sizes.human(bottomSize)));
        sb.append(String.format(Locale.ROOT, "  %-36s  %15s  %20s  %9s  %-18s  %14s  %s%n", "WHAT", "BYTES READ",
                "BOTTOM LAYER READ", "WALL", "MEMORY", "BYTES vs CHECK", "WALL vs CHECK"));
        for (Row row : rows) {
            Row peer = row.inProcess() ? check : cli;
            sb.append(String.format(Locale.ROOT, "  %-36s  %15s  %20s  %8.3fs  %-18s  %14s  %.1fx%n", row.what(),
                    String.format(Locale.ROOT, "%,d", row.bytesRead()),
                    row.bottomLayerBytes() < 0 ? "requested" : String.format(Locale.ROOT, "%,d", row.bottomLayerBytes()),
                    row.seconds(), row.memory(),
                    String.format(Locale.ROOT, "%,.0fx", (double) row.bytesRead() / Math.max(1, check.bytesRead())),
                    row.seconds() / peer.seconds()));
        }
        sb.append("  BOTTOM LAYER READ 0 for a check: that blob was never requested. WALL vs CHECK: in-process rows against\n"
                + "  the in-process check, process rows against 'multiarch verify' (whose time is mostly JVM start).\n");
        return sb.toString();
    }

    /** A process run under {@code /usr/bin/time -v}: its output, wall time and peak resident memory. */
    private record Timed(String stdout, double seconds, long maxRssBytes) {

        static Timed run(List<String> command) throws IOException, InterruptedException {
            List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-v"));
            timed.addAll(command);
            Path out = Files.createTempFile("bench-out", ".txt");
            Path err = Files.createTempFile("bench-err", ".txt");
            try {
                long started = System.nanoTime();
                Process process = new ProcessBuilder(timed).redirectOutput(out.toFile()).redirectError(err.toFile())
                        .start();
                int exit = process.waitFor();
                double seconds = (System.nanoTime() - started) / 1e9;
                String stderr = Files.readString(err);
                if (exit != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed (" + exit + "):\n" + stderr);
                }
                Matcher rss = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)").matcher(stderr);
                long maxRss = rss.find() ? Long.parseLong(rss.group(1)) * 1024 : -1;
                return new Timed(Files.readString(out), seconds, maxRss);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        }
    }

    private VerifyBytesReadBenchmark() {
    }
}
