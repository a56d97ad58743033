package io.jenkins.plugins.multiarch.model;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasToString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertThat(target.reference(), hasToString("registry.example.com/team/app"));
    }

    @Test
    void theImageComesFromTheEnvironmentWhenNotGiven() {
        ImageTarget target = resolve(" ", null, RegistryChoice.NONE,
                Map.of(StepEnvironment.IMAGE, "registry.example.com/team/app:1.0"), RegistryChoice.NONE);
        assertThat(target.reference(), hasToString("registry.example.com/team/app:1.0"));
    }

    @Test
    void noImageNamesBothWaysToGiveOne() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> resolve(null, null, RegistryChoice.NONE, Map.of(), RegistryChoice.NONE));
        assertThat(e.getMessage(), allOf(containsString("multiArchBuild: no image given"),
                containsString("image: 'registry.example.com/team/app'"), containsString("MULTIARCH_IMAGE")));
    }

    @Test
    void aBadImageIsNamedWithTheStep() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> resolve("Team/App!", null, RegistryChoice.NONE, Map.of(), RegistryChoice.NONE));
        assertThat(e.getMessage(), allOf(startsWith("multiArchBuild: "), containsString("Team/App!")));
    }

    @Test
    void anImageWithoutRegistryGoesToTheRegistryUrl() {
        ImageTarget target = resolve("team/app", null, new RegistryChoice("https://registry.example.com:5000", "creds"),
                Map.of(), RegistryChoice.NONE);
        assertThat(target.reference(), hasToString("registry.example.com:5000/team/app"));
        assertEquals("creds", target.credentialsId());
        assertEquals("https://registry.example.com:5000", target.credentialsUri());
        assertFalse(target.insecure());
    }

    @Test
    void theRegistryUrlMayComeFromTheEnvironmentAndHttpMeansInsecure() {
        ImageTarget target = resolve("team/app", null, RegistryChoice.NONE,
                Map.of(StepEnvironment.REGISTRY_URL, "http://registry.internal"), RegistryChoice.NONE);
        assertThat(target.reference(), hasToString("registry.internal/team/app"));
        assertTrue(target.insecure());
        assertTrue(target.registrySettings().isPlainHttp("registry.internal"));
    }

    @Test
    void anImageOnAnotherRegistryThanTheUrlGivenIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> resolve("quay.io/team/app", null, new RegistryChoice("https://registry.example.com", null),
                        Map.of(), RegistryChoice.NONE));
        assertThat(e.getMessage(), allOf(containsString("image quay.io/team/app is on registry quay.io"),
                containsString("registry.url is https://registry.example.com")));
    }

    @Test
    void aLoginInTheUrlIsRefusedWithoutShowingIt() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> resolve("team/app", null, new RegistryChoice("https://bob:hunter2@registry.example.com", null),
                        Map.of(), RegistryChoice.NONE));
        assertThat(e.getMessage(), allOf(containsString("credentialsId"), not(containsString("hunter2"))));
    }

    @Test
    void credentialsIdArgumentThenRegistryThenEnvironmentThenGlobal() {
        RegistryChoice global = new RegistryChoice("https://registry.example.com", "global-creds");
        Map<String, String> env = Map.of(StepEnvironment.CREDENTIALS_ID, "env-creds");
        String image = "registry.example.com/team/app";
        assertEquals("arg-creds",
                resolve(image, "arg-creds", new RegistryChoice(null, "registry-creds"), env, global).credentialsId());
        assertEquals("registry-creds",
                resolve(image, null, new RegistryChoice(null, "registry-creds"), env, global).credentialsId());
        assertEquals("env-creds", resolve(image, null, RegistryChoice.NONE, env, global).credentialsId());
        assertEquals("global-creds", resolve(image, null, RegistryChoice.NONE, Map.of(), global).credentialsId());
    }

    @Test
    void theGlobalRegistryAppliesOnlyToImagesOnIt() {
        RegistryChoice global = new RegistryChoice("https://registry.example.com", "global-creds");
        ImageTarget elsewhere = resolve("quay.io/team/app", null, RegistryChoice.NONE, Map.of(), global);
        assertNull(elsewhere.credentialsId());
        assertEquals("https://quay.io", elsewhere.credentialsUri());
        // an image named without a registry is a Docker Hub image unless a URL says otherwise: not the global one's
        ImageTarget hub = resolve("team/app", null, RegistryChoice.NONE, Map.of(), global);
        assertThat(hub.reference(), hasToString("docker.io/team/app"));
        assertNull(hub.credentialsId());
    }

    @Test
    void withoutGlobalUrlTheGlobalCredentialsAreDockerHubs() {
        RegistryChoice global = new RegistryChoice(null, "hub-creds");
        ImageTarget hub = resolve("team/app", null, RegistryChoice.NONE, Map.of(), global);
        assertEquals("hub-creds", hub.credentialsId());
        assertEquals("https://index.docker.io/v1/", hub.credentialsUri());
    }

    @Test
    void insecureArgumentMakesThePlainHttpSettingsForThatRegistryOnly() {
        ImageTarget target = ImageTarget.resolve("multiArchPublish", "registry.internal:5000/app", null,
                RegistryChoice.NONE, true, Map.of(), RegistryChoice.NONE);
        assertThat(target.registrySettings().insecureRegistries(), contains("registry.internal:5000"));
        assertEquals("http://registry.internal:5000", target.credentialsUri());
    }

    @Test
    void namesRegistryReadsTheFirstComponentAsDockerDoes() {
        assertTrue(ImageTarget.namesRegistry("localhost/app"));
        assertTrue(ImageTarget.namesRegistry("localhost:5000/app"));
        assertTrue(ImageTarget.namesRegistry("registry.example.com/app"));
        assertFalse(ImageTarget.namesRegistry("team/app"));
        assertFalse(ImageTarget.namesRegistry("app"));
    }
}
