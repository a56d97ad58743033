package io.jenkins.plugins.multiarch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.engine.index.IndexFormat;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.publish.PublishRequest;
import io.jenkins.plugins.multiarch.engine.verify.CheckPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublishSpecTest {

    private static final String IMAGE = "registry.example.com/team/app";

    private static PublishSpec resolve(PublishArguments args) {
        return PublishSpec.resolve(args, Map.of(), RegistryChoice.NONE, true, "512MiB", false);
    }

    @Test
    void theImagesTagComesFirstThenTheTagsWithoutRepeats() {
        PublishSpec spec = resolve(new PublishArguments().image(IMAGE + ":1.4.2").tags(List.of("latest", "1.4.2", "1.4")));
        assertThat(spec.tags()).containsExactly("1.4.2", "latest", "1.4");
        assertThat(spec.target().reference()).hasToString(IMAGE + ":1.4.2");
    }

    @Test
    void withoutTagInTheImageTheFirstTagIsTheIndexs() {
        PublishSpec spec = resolve(new PublishArguments().image(IMAGE).tags(List.of("1.0", "latest")));
        assertThat(spec.tags()).containsExactly("1.0", "latest");
        PublishRequest request = spec.request(List.of(new io.jenkins.plugins.multiarch.engine.publish.PlatformSource(
                Platform.LINUX_AMD64, io.jenkins.plugins.multiarch.engine.reference.ImageReference.parse(IMAGE + "@sha256:"
                + "a".repeat(64)))));
        assertThat(request.tags()).containsExactly("1.0", "latest");
    }

    @Test
    void noTagAtAllSaysHowToGiveOne() {
        assertThatThrownBy(() -> resolve(new PublishArguments().image(IMAGE)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tags: ['1.0']")
                .hasMessageContaining(IMAGE + ":1.0");
    }

    @Test
    void anUnknownFormatIsNamed() {
        assertThatThrownBy(() -> resolve(new PublishArguments().image(IMAGE + ":1").format("oci-index")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("format 'oci-index'")
                .hasMessageContaining("oci (the default), docker or auto");
        assertThat(resolve(new PublishArguments().image(IMAGE + ":1").format("docker")).format()).isEqualTo(IndexFormat.DOCKER);
        assertThat(resolve(new PublishArguments().image(IMAGE + ":1")).format()).isEqualTo(IndexFormat.OCI);
    }

    @Test
    void checksFollowTheArgumentsOverTheGlobalDefaults() {
        PublishArguments args = new PublishArguments().image(IMAGE + ":1");
        assertThat(PublishSpec.resolve(args, Map.of(), RegistryChoice.NONE, true, "64M", false).checks())
                .isEqualTo(CheckPolicy.standard().withByteBudget(64L << 20));
        assertThat(PublishSpec.resolve(args, Map.of(), RegistryChoice.NONE, false, "64M", false).checks())
                .isEqualTo(CheckPolicy.configOnly());
        assertThat(PublishSpec.resolve(args, Map.of(), RegistryChoice.NONE, true, "512MiB", true).checks())
                .isEqualTo(CheckPolicy.standard().withAllBinaries());
        PublishArguments given = new PublishArguments().image(IMAGE + ":1").binaryCheck(true).binaryBudget("1G")
                .allBinaries(false);
        assertThat(PublishSpec.resolve(given, Map.of(), RegistryChoice.NONE, false, "64M", true).checks())
                .isEqualTo(CheckPolicy.standard().withByteBudget(1L << 30));
    }

    @Test
    void theBinaryCheckTurnedOffAndConfiguredAtOnceIsRefused() {
        assertThatThrownBy(() -> resolve(new PublishArguments().image(IMAGE + ":1").binaryCheck(false).binaryBudget("1G")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("binaryCheck: false");
    }

    @Test
    void aBadBudgetNamesTheArgument() {
        assertThatThrownBy(() -> resolve(new PublishArguments().image(IMAGE + ":1").binaryBudget("lots")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("binaryBudget");
    }

    @Test
    void sourcesWithoutRegistryAreOnTheTargetsAndBadOnesAreNamed() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("linux/amd64", "team/app:amd64-1.0");
        sources.put("linux/arm64", "registry.example.com/team/app:arm64-1.0");
        PublishSpec spec = resolve(new PublishArguments().image(IMAGE + ":1.0").sources(sources));
        assertThat(spec.explicitSources()).extracting(s -> s.platform() + "=" + s.reference()).containsExactly(
                "linux/amd64=registry.example.com/team/app:amd64-1.0",
                "linux/arm64=registry.example.com/team/app:arm64-1.0");
        assertThatThrownBy(() -> resolve(new PublishArguments().image(IMAGE + ":1.0").sources(Map.of("linux", "x:1"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("sources entry 'linux'");
    }

    @Test
    void platformsAreParsedAndNotRepeated() {
        assertThat(resolve(new PublishArguments().image(IMAGE + ":1").platforms(List.of("linux/arm64", "amd64"))).platforms())
                .containsExactly(Platform.LINUX_ARM64, Platform.LINUX_AMD64);
        assertThatThrownBy(() -> resolve(new PublishArguments().image(IMAGE + ":1").platforms(List.of("amd64", "linux/amd64"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("names linux/amd64 twice");
    }

    @Test
    void theImageMayComeFromTheEnvironment() {
        PublishSpec spec = PublishSpec.resolve(new PublishArguments().tags(List.of("2.0")),
                Map.of(StepEnvironment.IMAGE, IMAGE), RegistryChoice.NONE, true, null, false);
        assertThat(spec.target().reference()).hasToString(IMAGE + ":2.0");
    }
}
