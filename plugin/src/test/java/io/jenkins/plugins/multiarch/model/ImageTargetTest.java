package io.jenkins.plugins.multiarch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageTargetTest {

    private static ImageTarget resolve(String image, String credentialsId, RegistryChoice registry,
                                       Map<String, String> env, RegistryChoice global) {
        return ImageTarget.resolve("multiArchBuild", image, credentialsId, registry, false, env, global);
    }

    @Test
    void theArgumentWinsOverTheEnvironment() {
        ImageTarget target = resolve("registry.example.com/team/app", null, RegistryChoice.NONE,
                Map.of(StepEnvironment.IMAGE, "other.example.com/x/y"), RegistryChoice.NONE);
        assertThat(target.reference()).hasToString("registry.example.com/team/app");
    }

    @Test
    void theImageComesFromTheEnvironmentWhenNotGiven() {
        ImageTarget target = resolve(" ", null, RegistryChoice.NONE,
                Map.of(StepEnvironment.IMAGE, "registry.example.com/team/app:1.0"), RegistryChoice.NONE);
        assertThat(target.reference()).hasToString("registry.example.com/team/app:1.0");
    }

    @Test
    void noImageNamesBothWaysToGiveOne() {
        assertThatThrownBy(() -> resolve(null, null, RegistryChoice.NONE, Map.of(), RegistryChoice.NONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("multiArchBuild: no image given")
                .hasMessageContaining("image: 'registry.example.com/team/app'")
                .hasMessageContaining("MULTIARCH_IMAGE");
    }

    @Test
    void aBadImageIsNamedWithTheStep() {
        assertThatThrownBy(() -> resolve("Team/App!", null, RegistryChoice.NONE, Map.of(), RegistryChoice.NONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("multiArchBuild: ")
                .hasMessageContaining("Team/App!");
    }

    @Test
    void anImageWithoutRegistryGoesToTheRegistryUrl() {
        ImageTarget target = resolve("team/app", null, new RegistryChoice("https://registry.example.com:5000", "creds"),
                Map.of(), RegistryChoice.NONE);
        assertThat(target.reference()).hasToString("registry.example.com:5000/team/app");
        assertThat(target.credentialsId()).isEqualTo("creds");
        assertThat(target.credentialsUri()).isEqualTo("https://registry.example.com:5000");
        assertThat(target.insecure()).isFalse();
    }

    @Test
    void theRegistryUrlMayComeFromTheEnvironmentAndHttpMeansInsecure() {
        ImageTarget target = resolve("team/app", null, RegistryChoice.NONE,
                Map.of(StepEnvironment.REGISTRY_URL, "http://registry.internal"), RegistryChoice.NONE);
        assertThat(target.reference()).hasToString("registry.internal/team/app");
        assertThat(target.insecure()).isTrue();
        assertThat(target.registrySettings().isPlainHttp("registry.internal")).isTrue();
    }

    @Test
    void anImageOnAnotherRegistryThanTheUrlGivenIsRefused() {
        assertThatThrownBy(() -> resolve("quay.io/team/app", null, new RegistryChoice("https://registry.example.com", null),
                Map.of(), RegistryChoice.NONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("image quay.io/team/app is on registry quay.io")
                .hasMessageContaining("registry.url is https://registry.example.com");
    }

    @Test
    void aLoginInTheUrlIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> resolve("team/app", null, new RegistryChoice("https://bob:hunter2@registry.example.com", null),
                Map.of(), RegistryChoice.NONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("credentialsId")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void credentialsIdArgumentThenRegistryThenEnvironmentThenGlobal() {
        RegistryChoice global = new RegistryChoice("https://registry.example.com", "global-creds");
        Map<String, String> env = Map.of(StepEnvironment.CREDENTIALS_ID, "env-creds");
        String image = "registry.example.com/team/app";
        assertThat(resolve(image, "arg-creds", new RegistryChoice(null, "registry-creds"), env, global).credentialsId())
                .isEqualTo("arg-creds");
        assertThat(resolve(image, null, new RegistryChoice(null, "registry-creds"), env, global).credentialsId())
                .isEqualTo("registry-creds");
        assertThat(resolve(image, null, RegistryChoice.NONE, env, global).credentialsId()).isEqualTo("env-creds");
        assertThat(resolve(image, null, RegistryChoice.NONE, Map.of(), global).credentialsId()).isEqualTo("global-creds");
    }

    @Test
    void theGlobalRegistryAppliesOnlyToImagesOnIt() {
        RegistryChoice global = new RegistryChoice("https://registry.example.com", "global-creds");
        ImageTarget elsewhere = resolve("quay.io/team/app", null, RegistryChoice.NONE, Map.of(), global);
        assertThat(elsewhere.credentialsId()).isNull();
        assertThat(elsewhere.credentialsUri()).isEqualTo("https://quay.io");
        // an image named without a registry is a Docker Hub image unless a URL says otherwise: not the global one's
        ImageTarget hub = resolve("team/app", null, RegistryChoice.NONE, Map.of(), global);
        assertThat(hub.reference()).hasToString("docker.io/team/app");
        assertThat(hub.credentialsId()).isNull();
    }

    @Test
    void withoutGlobalUrlTheGlobalCredentialsAreDockerHubs() {
        RegistryChoice global = new RegistryChoice(null, "hub-creds");
        ImageTarget hub = resolve("team/app", null, RegistryChoice.NONE, Map.of(), global);
        assertThat(hub.credentialsId()).isEqualTo("hub-creds");
        assertThat(hub.credentialsUri()).isEqualTo("https://index.docker.io/v1/");
    }

    @Test
    void insecureArgumentMakesThePlainHttpSettingsForThatRegistryOnly() {
        ImageTarget target = ImageTarget.resolve("multiArchPublish", "registry.internal:5000/app", null,
                RegistryChoice.NONE, true, Map.of(), RegistryChoice.NONE);
        assertThat(target.registrySettings().insecureRegistries()).containsExactly("registry.internal:5000");
        assertThat(target.credentialsUri()).isEqualTo("http://registry.internal:5000");
    }

    @Test
    void namesRegistryReadsTheFirstComponentAsDockerDoes() {
        assertThat(ImageTarget.namesRegistry("localhost/app")).isTrue();
        assertThat(ImageTarget.namesRegistry("localhost:5000/app")).isTrue();
        assertThat(ImageTarget.namesRegistry("registry.example.com/app")).isTrue();
        assertThat(ImageTarget.namesRegistry("team/app")).isFalse();
        assertThat(ImageTarget.namesRegistry("app")).isFalse();
    }
}
