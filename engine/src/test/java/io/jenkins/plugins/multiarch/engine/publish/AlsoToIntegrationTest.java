package io.jenkins.plugins.multiarch.engine.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.multiarch.engine.Multiarch;
import io.jenkins.plugins.multiarch.engine.host.Host;
import io.jenkins.plugins.multiarch.engine.index.IndexFormat;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import io.jenkins.plugins.multiarch.engine.registry.RegistrySettings;
import io.jenkins.plugins.multiarch.engine.registry.auth.CredentialProvider;
import io.jenkins.plugins.multiarch.engine.registry.auth.Credentials;
import io.jenkins.plugins.multiarch.engine.verify.CheckPolicy;
import io.jenkins.plugins.multiarch.testkit.DockerCli;
import io.jenkins.plugins.multiarch.testkit.FaultInjectingProxy;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.ScratchImage;
import io.jenkins.plugins.multiarch.testkit.Skopeo;
import io.jenkins.plugins.multiarch.testkit.TagList;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One index to several targets: two real registries, the second with a password, through the facade as a front
 * end calls it; read back with skopeo and the docker CLI.
 */
class AlsoToIntegrationTest {

    private static final String USER = "mirror";
    private static final String PASSWORD = "mirror-s3cret";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final RegistryExtension main = RegistryExtension.anonymous();

    @RegisterExtension
    static final RegistryExtension mirror = RegistryExtension.htpasswd(USER, PASSWORD);

    static String amd64;
    static String arm64;

    private FaultInjectingProxy proxy;

    @BeforeAll
    static void push() {
        amd64 = ScratchImage.forPlatform("linux/amd64").file("/hello", "amd64 also-to").pushTo(main.host(), "src/app:amd64");
        arm64 = ScratchImage.forPlatform("linux/arm64").file("/hello", "arm64 also-to").pushTo(main.host(), "src/app:arm64");
    }

    @BeforeEach
    void startProxy() {
        proxy = FaultInjectingProxy.inFrontOf(mirror);
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    @Test
    void theSameIndexGoesToEveryTargetWithEveryChild() throws Exception {
        PublishResult result = publish("team/app:1.0", List.of("latest"),
                mirror.host() + "/mirror/app", main.host() + "/team/other:stable");

        assertThat(result.tagsWritten()).containsExactly("1.0", "latest");
        assertThat(result.alsoTo()).containsExactly(
                new TargetResult(mirror.host() + "/mirror/app", List.of("1.0", "latest"), List.of()),
                new TargetResult(main.host() + "/team/other", List.of("stable"), List.of()));
        String index = Skopeo.rawManifest(main.host() + "/team/app:1.0", null);
        assertThat(Digest.sha256(index.getBytes(StandardCharsets.UTF_8))).isEqualTo(result.indexDigest());
        // byte-identical everywhere
        assertThat(Skopeo.rawManifest(mirror.host() + "/mirror/app:latest", mirror.credentials())).isEqualTo(index);
        assertThat(Skopeo.rawManifest(main.host() + "/team/other:stable", null)).isEqualTo(index);
        // every child, with its config and layers, is in the other registry's repository
        RegistryClient mirrorClient = mirrorClient(mirror.host());
        for (String child : List.of(amd64, arm64)) {
            String manifest = Skopeo.rawManifest(mirror.host() + "/mirror/app@" + child, mirror.credentials());
            var parsed = JSON.readTree(manifest);
            assertThat(mirrorClient.blobExists("mirror/app", Digest.parse(parsed.path("config").path("digest").asText())))
                    .isTrue();
            for (var layer : parsed.path("layers")) {
                assertThat(mirrorClient.blobExists("mirror/app", Digest.parse(layer.path("digest").asText()))).isTrue();
            }
            assertThat(Skopeo.rawConfig(mirror.host() + "/mirror/app@" + child, mirror.credentials())).contains("\"architecture\"");
        }
        assertThat(TagList.of(mirror, "mirror/app").tags()).containsExactlyInAnyOrder("1.0", "latest");
        assertThat(DockerCli.manifestInspect(main.host() + "/team/other:stable")).contains(amd64, arm64);

        PublishResult again = publish("team/app:1.0", List.of("latest"),
                mirror.host() + "/mirror/app", main.host() + "/team/other:stable");
        assertThat(again.tagsWritten()).isEmpty();
        assertThat(again.alsoTo()).extracting(TargetResult::tagsWritten).containsOnly(List.of());
        assertThat(again.requests()).doesNotContainKey("PUT manifest");
    }

    @Test
    void aFailedTagNamesWhatWasWrittenWhereAndARerunCompletesIt() throws Exception {
        String further = proxy.host() + "/mirror/fails";
        proxy.failNext(1, "PUT", "/v2/mirror/fails/manifests/latest", 400);

        assertThatThrownBy(() -> publish("team/fails:1.0", List.of("latest"), further))
                .isInstanceOfSatisfying(TagWriteException.class, e -> {
                    assertThat(e.tagsWritten()).containsExactly(main.host() + "/team/fails:1.0",
                            main.host() + "/team/fails:latest", further + ":1.0");
                    assertThat(e.tagsNotWritten()).containsExactly(further + ":latest");
                    assertThat(e.getMessage()).contains("written under " + main.host() + "/team/fails:1.0, "
                            + main.host() + "/team/fails:latest, " + further + ":1.0; writing " + further
                            + ":latest failed").doesNotContain(PASSWORD);
                });

        PublishResult rerun = publish("team/fails:1.0", List.of("latest"), further);
        assertThat(rerun.tagsWritten()).isEmpty();
        assertThat(rerun.tagsUnchanged()).containsExactly("1.0", "latest");
        assertThat(rerun.alsoTo()).containsExactly(new TargetResult(further, List.of("latest"), List.of("1.0")));
    }

    @Test
    void aChildThatCannotBeCopiedToOneTargetLeavesNoTagAnywhere() throws Exception {
        String further = proxy.host() + "/mirror/nochild";
        proxy.failNext(1, "PUT", "/v2/mirror/nochild/manifests/sha256:.*", 400);

        assertThatThrownBy(() -> publish("team/nochild:1.0", List.of(), further))
                .isInstanceOf(PublishException.class).isNotInstanceOf(TagWriteException.class)
                .hasMessageContaining("nothing was published: copying images into " + further + " failed");
        assertThat(TagList.of(main, "team/nochild").none()).isTrue();
        assertThat(mirrorClient(mirror.host()).headManifest("mirror/nochild", "1.0")).isEmpty();

        PublishResult rerun = publish("team/nochild:1.0", List.of(), further);
        assertThat(rerun.tagsWritten()).containsExactly("1.0");
        assertThat(rerun.alsoTo()).containsExactly(new TargetResult(further, List.of("1.0"), List.of()));
    }

    private PublishResult publish(String target, List<String> extraTags, String... alsoTo) throws Exception {
        PublishRequest request = new PublishRequest(ImageReference.parse(main.host() + "/" + target), extraTags,
                List.of(PlatformSource.parse("linux/amd64=" + main.host() + "/src/app@" + amd64),
                        PlatformSource.parse("linux/arm64=" + main.host() + "/src/app@" + arm64)),
                IndexFormat.OCI, Map.of(), false, CheckPolicy.standard(), RegistrySettings.DEFAULT,
                java.util.Arrays.stream(alsoTo).map(ImageReference::parse).toList());
        Credentials login = Credentials.of(USER, PASSWORD);
        Host host = Host.explicit().withCredentials(CredentialProvider.fixed(mirror.host(), login)
                .orElse(CredentialProvider.fixed(proxy.host(), login)));
        try (Multiarch engine = Multiarch.create()) {
            return engine.publish(request, host);
        }
    }

    private static RegistryClient mirrorClient(String host) {
        return RegistryClient.builder(host).credentials(CredentialProvider.fixed(host, Credentials.of(USER, PASSWORD)))
                .build();
    }
}
