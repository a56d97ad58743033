package io.jenkins.plugins.multiarch.model;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasToString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        assertThat(spec.tags(), contains("1.4.2", "latest", "1.4"));
        assertThat(spec.target().reference(), hasToString(IMAGE + ":1.4.2"));
    }

    @Test
    void withoutTagInTheImageTheFirstTagIsTheIndexs() {
        PublishSpec spec = resolve(new PublishArguments().image(IMAGE).tags(List.of("1.0", "latest")));
        assertThat(spec.tags(), contains("1.0", "latest"));
        PublishRequest request = spec.request(List.of(new io.jenkins.plugins.multiarch.engine.publish.PlatformSource(
                Platform.LINUX_AMD64, io.jenkins.plugins.multiarch.engine.reference.ImageReference.parse(IMAGE + "@sha256:"
                + "a".repeat(64)))));
        assertThat(request.tags(), contains("1.0", "latest"));
    }

    @Test
    void noTagAtAllSaysHowToGiveOne() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> resolve(new PublishArguments().image(IMAGE)));
        assertThat(e.getMessage(), allOf(containsString("tags: ['1.0']"), containsString(IMAGE + ":1.0")));
    }

    @Test
    void anUnknownFormatIsNamed() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> resolve(new PublishArguments().image(IMAGE + ":1").format("oci-index")));
        assertThat(e.getMessage(), allOf(containsString("format 'oci-index'"),
                containsString("oci (the default), docker or auto")));
        assertEquals(IndexFormat.DOCKER, resolve(new PublishArguments().image(IMAGE + ":1").format("docker")).format());
        assertEquals(IndexFormat.OCI, resolve(new PublishArguments().image(IMAGE + ":1")).format());
    }

    @Test
    void checksFollowTheArgumentsOverTheGlobalDefaults() {
        PublishArguments args = new PublishArguments().image(IMAGE + ":1");
        assertEquals(CheckPolicy.standard().withByteBudget(64L << 20),
                PublishSpec.resolve(args, Map.of(), RegistryChoice.NONE, true, "64M", false).checks());
        assertEquals(CheckPolicy.configOnly(),
                PublishSpec.resolve(args, Map.of(), RegistryChoice.NONE, false, "64M", false).checks());
        assertEquals(CheckPolicy.standard().withAllBinaries(),
                PublishSpec.resolve(args, Map.of(), RegistryChoice.NONE, true, "512MiB", true).checks());
        PublishArguments given = new PublishArguments().image(IMAGE + ":1").binaryCheck(true).binaryBudget("1G")
                .allBinaries(false);
        assertEquals(CheckPolicy.standard().withByteBudget(1L << 30),
                PublishSpec.resolve(given, Map.of(), RegistryChoice.NONE, false, "64M", true).checks());
    }

    @Test
    void theBinaryCheckTurnedOffAndConfiguredAtOnceIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> resolve(new PublishArguments().image(IMAGE + ":1").binaryCheck(false).binaryBudget("1G")));
        assertThat(e.getMessage(), containsString("binaryCheck: false"));
    }

    @Test
    void aBadBudgetNamesTheArgument() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> resolve(new PublishArguments().image(IMAGE + ":1").binaryBudget("lots")));
        assertThat(e.getMessage(), containsString("binaryBudget"));
    }

    @Test
    void sourcesWithoutRegistryAreOnTheTargetsAndBadOnesAreNamed() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("linux/amd64", "team/app:amd64-1.0");
        sources.put("linux/arm64", "registry.example.com/team/app:arm64-1.0");
        PublishSpec spec = resolve(new PublishArguments().image(IMAGE + ":1.0").sources(sources));
        assertThat(spec.explicitSources().stream().map(s -> s.platform() + "=" + s.reference()).toList(), contains(
                "linux/amd64=registry.example.com/team/app:amd64-1.0",
                "linux/arm64=registry.example.com/team/app:arm64-1.0"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> resolve(new PublishArguments().image(IMAGE + ":1.0").sources(Map.of("linux", "x:1"))));
        assertThat(e.getMessage(), containsString("sources entry 'linux'"));
    }

    @Test
    void platformsAreParsedAndNotRepeated() {
        assertThat(resolve(new PublishArguments().image(IMAGE + ":1").platforms(List.of("linux/arm64", "amd64"))).platforms(),
                contains(Platform.LINUX_ARM64, Platform.LINUX_AMD64));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> resolve(new PublishArguments().image(IMAGE + ":1").platforms(List.of("amd64", "linux/amd64"))));
        assertThat(e.getMessage(), containsString("names linux/amd64 twice"));
    }

    @Test
    void theImageMayComeFromTheEnvironment() {
        PublishSpec spec = PublishSpec.resolve(new PublishArguments().tags(List.of("2.0")),
                Map.of(StepEnvironment.IMAGE, IMAGE), RegistryChoice.NONE, true, null, false);
        assertThat(spec.target().reference(), hasToString(IMAGE + ":2.0"));
    }
}
