package io.jenkins.plugins.multiarch.engine.publish;

import io.jenkins.plugins.multiarch.engine.verify.CheckResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.multiarch.engine.index.IndexFormat;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import io.jenkins.plugins.multiarch.engine.oci.ImageManifest;
import io.jenkins.plugins.multiarch.testkit.ElfFixtures;
import io.jenkins.plugins.multiarch.testkit.FaultInjectingProxy;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.ScratchImage;
import io.jenkins.plugins.multiarch.testkit.TarLayer;
import io.jenkins.plugins.multiarch.testkit.UploadedImage;
import io.jenkins.plugins.multiarch.engine.verify.BinaryImageCheck;
import io.jenkins.plugins.multiarch.engine.verify.ImageCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Publishing with the binary check, as the CLI does by default, against a real registry. */
class BinaryCheckPublishIntegrationTest {

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.anonymous();

    @BeforeAll
    static void pushImages() {
        ScratchImage.forPlatform("linux/amd64").file("/hello", ElfFixtures.x86_64()).entrypoint("/hello")
                .pushTo(registry.host(), "app:amd64");
        ScratchImage.forPlatform("linux/arm64").file("/hello", ElfFixtures.aarch64()).entrypoint("/hello")
                .pushTo(registry.host(), "app:arm64");
        ScratchImage.forPlatform("linux/arm64").file("/hello", ElfFixtures.x86_64()).entrypoint("/hello")
                .pushTo(registry.host(), "app:arm64-with-amd64-binary");
        byte[] incompressible = new byte[256 * 1024];
        new Random(7).nextBytes(incompressible);
        UploadedImage.forPlatform("linux/arm64")
                .layer(TarLayer.builder().file("hello", ElfFixtures.aarch64()).build())
                .layer(TarLayer.builder().file("data/model.bin", incompressible).build())
                .entrypoint("/hello")
                .pushTo(registry, "app:arm64-big-top-layer");
    }

    @Test
    void anAmd64BinaryInTheArm64ImageStopsThePublishAndWritesNoTag() {
        assertThatThrownBy(() -> publish(BinaryImageCheck.programOnly(), "app:1.0", List.of("latest"),
                "linux/amd64=app:amd64", "linux/arm64=app:arm64-with-amd64-binary"))
                .isInstanceOf(PublishException.class)
                .hasMessage("nothing was published: 1 verification failure: linux/arm64 image " + registry.host()
                        + "/app:arm64-with-amd64-binary: /hello is an x86-64 ELF executable; arm64 hosts would fail"
                        + " with 'exec format error'");

        RegistryClient client = RegistryClient.builder(registry.host()).build();
        assertThat(client.headManifest("app", "1.0")).isEmpty();
        assertThat(client.headManifest("app", "latest")).isEmpty();
    }

    @Test
    void theResultCarriesWhatTheBinaryCheckFound() {
        PublishResult result = publish(BinaryImageCheck.programOnly(), "app:checked", List.of(),
                "linux/amd64=app:amd64", "linux/arm64=app:arm64");

        assertThat(result.platforms()).extracting(PlatformResult::checkSummary)
                .containsExactly("/hello x86-64 ✓", "/hello AArch64 ✓");
        List<CheckResult> arm64 = result.platforms().get(1).checks();
        assertThat(arm64).extracting(CheckResult::check).containsExactly("config", "binary");
        CheckResult binary = arm64.get(1);
        assertThat(binary.status()).isEqualTo(CheckResult.Status.PASSED);
        assertThat(binary.details()).containsEntry("checkedFile", "/hello").containsEntry("detectedArchitecture", "AArch64");
        assertThat(Long.parseLong(binary.details().get("bytesRead"))).isPositive();
    }

    @Test
    void anImageBeyondTheBudgetIsPublishedAndSaysItWasNotChecked() {
        List<String> log = new CopyOnWriteArrayList<>();
        PublishResult result = publish(new BinaryImageCheck(64 * 1024, BinaryImageCheck.PROGRAM_ONLY), log,
                "app:budget", List.of(), "linux/arm64=app:arm64-big-top-layer");

        assertThat(result.tagsWritten()).containsExactly("budget");
        assertThat(result.platforms().get(0).checkSummary()).isEqualTo("not checked: budget");
        assertThat(log).anySatisfy(line -> assertThat(line).contains("binary not checked: stopped after reading",
                "over the byte budget of 64.0 KiB"));
    }

    @Test
    void withoutTheBinaryCheckOnlyTheConfigIsChecked() {
        PublishResult result = new Publisher(RegistryClient.builder(registry.host()).build(),
                List.of(ImageCheck.configPlatform()), line -> { })
                .publish(request("app:config-only", List.of(), "linux/arm64=app:arm64-with-amd64-binary"));

        assertThat(result.tagsWritten()).containsExactly("config-only");
        assertThat(result.platforms().get(0).checkSummary()).isEqualTo("config ✓");
    }

    @Test
    void theLayerTheCheckReadsFirstIsRequestedWhileTheConfigIsStillOnItsWay() throws Exception {
        ImageManifest arm64 = (ImageManifest) RegistryClient.builder(registry.host()).build()
                .getManifest("app", "arm64").parse();
        String config = arm64.config().digest().toString();
        String layer = arm64.layers().get(arm64.layers().size() - 1).digest().toString();
        try (FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(registry)) {
            // Both requests are held unanswered: only a publish that sends the layer's before the config's answer
            // has come gets both to the proxy at once.
            proxy.stallNext(1, "GET", "/v2/app/blobs/" + config).stallNext(1, "GET", "/v2/app/blobs/" + layer);
            ExecutorService caller = Executors.newSingleThreadExecutor();
            try {
                Future<PublishResult> publishing = caller.submit(() -> new Publisher(
                        RegistryClient.builder(proxy.host()).build(), List.of(ImageCheck.configPlatform(),
                        BinaryImageCheck.programOnly()), line -> { }).publish(proxiedRequest(proxy, "app:overlapped",
                        "linux/arm64=app:arm64")));
                assertThat(proxy.awaitStalled(Duration.ofSeconds(10))).isTrue();
                assertThat(proxy.awaitStalled(Duration.ofSeconds(10)))
                        .as("the layer was requested only after the config had arrived").isTrue();
                proxy.releaseStalled(); // both connections dropped; the client asks again and the publish goes on
                PublishResult result = publishing.get(60, TimeUnit.SECONDS);
                assertThat(result.tagsWritten()).containsExactly("overlapped");
                assertThat(result.platforms().get(0).checkSummary()).isEqualTo("/hello AArch64 ✓");
            } finally {
                proxy.releaseStalled();
                caller.shutdownNow();
            }
        }
    }

    @Test
    void openingTheLayerAheadAddsNoRequest() {
        try (FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(registry)) {
            PublishResult result = new Publisher(RegistryClient.builder(proxy.host()).build(),
                    List.of(ImageCheck.configPlatform(), BinaryImageCheck.programOnly()), line -> { })
                    .publish(proxiedRequest(proxy, "app:counted", "linux/amd64=app:amd64", "linux/arm64=app:arm64"));

            assertThat(result.platforms()).extracting(PlatformResult::checkSummary)
                    .containsExactly("/hello x86-64 ✓", "/hello AArch64 ✓");
            // Per image its config and its one layer, each once.
            assertThat(proxy.count("GET", "/v2/app/blobs/.*")).isEqualTo(4);
        }
    }

    private static PublishRequest proxiedRequest(FaultInjectingProxy proxy, String target, String... sources) {
        List<PlatformSource> list = new ArrayList<>();
        for (String source : sources) {
            int eq = source.indexOf('=');
            list.add(PlatformSource.parse(source.substring(0, eq + 1) + proxy.host() + "/" + source.substring(eq + 1)));
        }
        return new PublishRequest(ImageReference.parse(proxy.host() + "/" + target), List.of(), list, IndexFormat.OCI,
                Map.of(), false);
    }

    private static PublishResult publish(BinaryImageCheck check, String target, List<String> tags, String... sources) {
        return publish(check, new ArrayList<>(), target, tags, sources);
    }

    private static PublishResult publish(BinaryImageCheck check, List<String> log, String target, List<String> tags,
            String... sources) {
        return new Publisher(RegistryClient.builder(registry.host()).build(),
                List.of(ImageCheck.configPlatform(), check), log::add).publish(request(target, tags, sources));
    }

    private static PublishRequest request(String target, List<String> tags, String... sources) {
        List<PlatformSource> list = new ArrayList<>();
        for (String source : sources) {
            int eq = source.indexOf('=');
            list.add(PlatformSource.parse(source.substring(0, eq + 1) + registry.host() + "/" + source.substring(eq + 1)));
        }
        return new PublishRequest(ImageReference.parse(registry.host() + "/" + target), tags, list, IndexFormat.OCI,
                Map.of(), false);
    }
}
