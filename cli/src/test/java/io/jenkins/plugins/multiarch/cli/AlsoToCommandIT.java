package io.jenkins.plugins.multiarch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.ScratchImage;
import io.jenkins.plugins.multiarch.testkit.Skopeo;
import io.jenkins.plugins.multiarch.testkit.TagList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code publish --also-to} with two real registries, each with its own password: --username for the target's,
 * the Docker config's login for the other; read back with skopeo.
 */
class AlsoToCommandIT {

    private static final String MAIN_PASSWORD = "main-s3cret";
    private static final String MIRROR_PASSWORD = "mirror-s3cret";

    @RegisterExtension
    static final RegistryExtension main = RegistryExtension.htpasswd("ci", MAIN_PASSWORD);

    @RegisterExtension
    static final RegistryExtension mirror = RegistryExtension.htpasswd("mirror-bot", MIRROR_PASSWORD);

    static String amd64;
    static String arm64;

    @TempDir
    Path dockerConfig;

    @BeforeAll
    static void push() {
        amd64 = ScratchImage.forPlatform("linux/amd64").file("/hello", "amd64").credentials(main.credentials())
                .pushTo(main.host(), "cli/app:amd64");
        arm64 = ScratchImage.forPlatform("linux/arm64").file("/hello", "arm64").credentials(main.credentials())
                .pushTo(main.host(), "cli/app:arm64");
    }

    @Test
    void oneIndexToThreeRepositoriesOnTwoRegistriesAndARerunWritesNothing() throws Exception {
        Files.writeString(dockerConfig.resolve("config.json"), "{\"auths\":{\"" + mirror.host() + "\":{\"auth\":\""
                + mirror.credentials().base64UserColonPassword() + "\"}}}");
        String target = main.host() + "/cli/app:1.0";

        MultiarchProcess.Outcome text = publish(target, "--tag", "latest", "--also-to", mirror.host() + "/mirror/app",
                "--also-to", main.host() + "/cli/stable-line:stable");

        assertThat(text.exitCode()).as(text.stderr()).isZero();
        assertThat(text.stdout()).contains("tags written:   1.0, latest",
                "also to " + mirror.host() + "/mirror/app:\n    tags written:   1.0, latest",
                "also to " + main.host() + "/cli/stable-line:\n    tags written:   stable");
        assertThat(text.stdout() + text.stderr()).doesNotContain(MAIN_PASSWORD, MIRROR_PASSWORD);
        String index = Skopeo.rawManifest(target, main.credentials());
        assertThat(Skopeo.rawManifest(mirror.host() + "/mirror/app:latest", mirror.credentials())).isEqualTo(index);
        assertThat(Skopeo.rawManifest(main.host() + "/cli/stable-line:stable", main.credentials())).isEqualTo(index);
        assertThat(Skopeo.rawConfig(mirror.host() + "/mirror/app@" + arm64, mirror.credentials()))
                .contains("\"architecture\":\"arm64\"");
        assertThat(TagList.of(mirror, "mirror/app").tags()).containsExactlyInAnyOrder("1.0", "latest");

        MultiarchProcess.Outcome json = publish(target, "--tag", "latest", "--also-to", mirror.host() + "/mirror/app",
                "--also-to", main.host() + "/cli/stable-line:stable", "--output", "json");
        assertThat(json.exitCode()).as(json.stderr()).isZero();
        JsonNode result = StdoutJson.parse(json.stdout());
        assertThat(result.path("tagsWritten")).isEmpty();
        assertThat(result.path("alsoTo")).hasSize(2);
        assertThat(result.path("alsoTo").get(0).path("repository").asText()).isEqualTo(mirror.host() + "/mirror/app");
        assertThat(result.path("alsoTo").get(0).path("tagsWritten")).isEmpty();
        assertThat(result.path("alsoTo").get(0).path("tagsUnchanged")).map(JsonNode::asText)
                .containsExactly("1.0", "latest");
        assertThat(result.path("alsoTo").get(1).path("tagsUnchanged")).map(JsonNode::asText).containsExactly("stable");
    }

    @Test
    void aLoginOptionForTheOtherRegistryReadsItsPasswordFromTheEnvironment() throws Exception {
        String target = main.host() + "/cli/login:1.0";
        List<String> args = new ArrayList<>(List.of("publish", target,
                "--source", "linux/amd64=" + main.host() + "/cli/app@" + amd64,
                "--source", "linux/arm64=" + main.host() + "/cli/app@" + arm64,
                "--username", "ci", "--password-stdin",
                "--login", mirror.host() + "=mirror-bot:env:MIRROR_TOKEN", "--also-to", mirror.host() + "/mirror/login"));

        MultiarchProcess.Outcome outcome = MultiarchProcess.run(MAIN_PASSWORD + "\n",
                Map.of("DOCKER_CONFIG", dockerConfig.toString(), "MIRROR_TOKEN", MIRROR_PASSWORD),
                args.toArray(String[]::new));

        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(outcome.stdout() + outcome.stderr()).doesNotContain(MAIN_PASSWORD, MIRROR_PASSWORD);
        String index = Skopeo.rawManifest(target, main.credentials());
        assertThat(Skopeo.rawManifest(mirror.host() + "/mirror/login:1.0", mirror.credentials())).isEqualTo(index);
    }

    @Test
    void aLoginWhoseVariableIsNotSetIsAUsageErrorBeforeAnythingIsWritten() throws Exception {
        String target = main.host() + "/cli/nologinvar:1.0";

        MultiarchProcess.Outcome outcome = publish(target, "--login", mirror.host() + "=mirror-bot:env:NO_SUCH_TOKEN",
                "--also-to", mirror.host() + "/mirror/nologinvar");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("invalid --login " + mirror.host()
                + "=mirror-bot:env:NO_SUCH_TOKEN: the environment variable NO_SUCH_TOKEN is not set or empty");
        assertThat(TagList.of(main, "cli/nologinvar").none()).isTrue();
    }

    @Test
    void withoutALoginForTheOtherRegistryNothingIsWrittenAnywhere() throws Exception {
        String target = main.host() + "/cli/nologin:1.0";

        MultiarchProcess.Outcome outcome = publish(target, "--also-to", mirror.host() + "/mirror/nologin");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(1);
        assertThat(outcome.stderr()).contains(mirror.host());
        assertThat(TagList.of(main, "cli/nologin").none()).isTrue();
    }

    @Test
    void sourcesOnAnotherRegistryAreCopiedIntoTheTarget() throws Exception {
        Files.writeString(dockerConfig.resolve("config.json"), "{\"auths\":{\"" + main.host() + "\":{\"auth\":\""
                + main.credentials().base64UserColonPassword() + "\"}}}");
        String target = mirror.host() + "/cross/app:1.0";

        MultiarchProcess.Outcome outcome = MultiarchProcess.run(MIRROR_PASSWORD + "\n",
                Map.of("DOCKER_CONFIG", dockerConfig.toString()), "publish", target,
                "--source", "linux/amd64=" + main.host() + "/cli/app@" + amd64,
                "--source", "linux/arm64=" + main.host() + "/cli/app@" + arm64,
                "--username", "mirror-bot", "--password-stdin");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(outcome.stdout()).contains("tags written:   1.0");
        assertThat(Skopeo.rawConfig(mirror.host() + "/cross/app@" + amd64, mirror.credentials()))
                .contains("\"architecture\":\"amd64\"");
        assertThat(Skopeo.rawManifest(target, mirror.credentials())).contains(amd64, arm64);
    }

    @Test
    void theSameRepositoryTwiceIsAUsageError() throws Exception {
        MultiarchProcess.Outcome outcome = publish(main.host() + "/cli/app:x", "--also-to", main.host() + "/cli/app:y");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("repository " + main.host() + "/cli/app is given as a target twice");
    }

    private MultiarchProcess.Outcome publish(String target, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("publish", target,
                "--source", "linux/amd64=" + main.host() + "/cli/app@" + amd64,
                "--source", "linux/arm64=" + main.host() + "/cli/app@" + arm64,
                "--username", "ci", "--password-stdin"));
        args.addAll(List.of(options));
        return MultiarchProcess.run(MAIN_PASSWORD + "\n", Map.of("DOCKER_CONFIG", dockerConfig.toString()),
                args.toArray(String[]::new));
    }
}
