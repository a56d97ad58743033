package io.jenkins.plugins.multiarch.model;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasToString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.multiarch.config.FieldValidation.Kind;
import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.publish.PlatformSource;
import io.jenkins.plugins.multiarch.engine.publish.PublishRequest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The options of issue 11 (tagsFromGit, annotationsFromGit, alsoTo, attestations, registryCredentials) from the
 * step's arguments to the engine's request: what reaches it, and the bad values refused with what would be valid.
 */
class PublishSpecOptionsTest {

    private static final String IMAGE = "registry.example.com/team/app";
    private static final List<PlatformSource> SOURCES = List.of(new PlatformSource(Platform.LINUX_AMD64,
            ImageReference.parse(IMAGE + "@sha256:" + "a".repeat(64))));

    private static PublishSpec resolve(PublishArguments args) {
        return PublishSpec.resolve(args, Map.of(), RegistryChoice.NONE, true, "512MiB", false);
    }

    private static String refused(PublishArguments args) {
        return assertThrows(InvalidInputException.class, () -> resolve(args)).getMessage();
    }

    @Test
    void alsoToTargetsReachTheRequestInOrderAndAttestationsAreKeptByDefault() {
        PublishRequest request = resolve(new PublishArguments().image(IMAGE + ":1.0")
                .alsoTo(List.of("ghcr.io/team/app", " docker.io/team/app:stable "))).request(SOURCES);
        assertThat(request.alsoTo(), contains(hasToString("ghcr.io/team/app"), hasToString("docker.io/team/app:stable")));
        assertThat(request.tagsFor(request.alsoTo().get(1)), contains("stable"));
        assertTrue(request.keepAttestations());
        assertFalse(resolve(new PublishArguments().image(IMAGE + ":1.0").attestations(false)).request(SOURCES)
                .keepAttestations());
        assertThat(resolve(new PublishArguments().image(IMAGE + ":1.0")).request(SOURCES).alsoTo(), empty());
    }

    @Test
    void referrersAreCopiedOnlyWhenAskedFor() {
        assertFalse(resolve(new PublishArguments().image(IMAGE + ":1.0")).request(SOURCES).copyReferrers());
        assertTrue(resolve(new PublishArguments().image(IMAGE + ":1.0").referrers(true)).request(SOURCES)
                .copyReferrers());
    }

    @Test
    void badAlsoToTargetsAreNamedWithWhatWouldBeValid() {
        assertThat(refused(new PublishArguments().image(IMAGE + ":1").alsoTo(List.of("team/app"))),
                allOf(containsString("alsoTo 'team/app' names no registry"), containsString("docker.io/team/app")));
        assertThat(refused(new PublishArguments().image(IMAGE + ":1").alsoTo(List.of(" "))),
                containsString("alsoTo has an empty entry"));
        assertThat(refused(new PublishArguments().image(IMAGE + ":1").alsoTo(List.of("ghcr.io/Team/App"))),
                containsString("alsoTo 'ghcr.io/Team/App'"));
        assertThat(refused(new PublishArguments().image(IMAGE + ":1").alsoTo(List.of("ghcr.io/a@sha256:" + "b".repeat(64)))),
                containsString("names a digest"));
        assertThat(refused(new PublishArguments().image(IMAGE + ":1").alsoTo(List.of("ghcr.io/a", "ghcr.io/a:2"))),
                containsString("repository ghcr.io/a is given as a target twice"));
        assertThat(refused(new PublishArguments().image(IMAGE + ":1").alsoTo(List.of(IMAGE + ":other"))),
                containsString("repository " + IMAGE + " is given as a target twice"));
    }

    @Test
    void withTagsFromGitTheImageNeedsNoTagAndGitsComeAfterTheGivenOnes() {
        PublishSpec untagged = resolve(new PublishArguments().image(IMAGE).tagsFromGit(true));
        assertTrue(untagged.needsGit());
        assertThat(untagged.tags(), empty());
        GitMetadata git = new GitMetadata(List.of("1.2.3", "1.2", "latest", "sha-0123abc"), Map.of());
        PublishRequest fromGit = untagged.request(SOURCES, git);
        assertThat(fromGit.target(), hasToString(IMAGE + ":1.2.3"));
        assertThat(fromGit.tags(), contains("1.2.3", "1.2", "latest", "sha-0123abc"));

        PublishRequest given = resolve(new PublishArguments().image(IMAGE).tags(List.of("edge", "latest"))
                .tagsFromGit(true)).request(SOURCES, git);
        assertThat(given.tags(), contains("edge", "latest", "1.2.3", "1.2", "sha-0123abc"));
    }

    @Test
    void gitGivingNoTagAndNoneGivenSaysHowToGiveOne() {
        PublishSpec spec = resolve(new PublishArguments().image(IMAGE).tagsFromGit(true));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> spec.request(SOURCES, GitMetadata.NONE));
        assertThat(e.getMessage(), allOf(containsString("tagsFromGit gave none"), containsString(IMAGE + ":1.0")));
        // without tagsFromGit a missing tag is refused at once, as before
        assertThat(refused(new PublishArguments().image(IMAGE).annotationsFromGit(true)), containsString("no tag for the index"));
    }

    @Test
    void gitsAnnotationsGoOnTheIndexUnderTheGivenOnes() {
        PublishSpec spec = resolve(new PublishArguments().image(IMAGE + ":1").annotationsFromGit(true)
                .annotations(Map.of("org.opencontainers.image.source", "https://example.com/app")));
        PublishRequest request = spec.request(SOURCES, new GitMetadata(List.of(), Map.of(
                "org.opencontainers.image.revision", "0123abc", "org.opencontainers.image.source", "https://git/app")));
        assertEquals(Map.of("org.opencontainers.image.revision", "0123abc",
                "org.opencontainers.image.source", "https://example.com/app"), request.annotations());
        assertThat(request.tags(), contains("1"));
        assertThat(refused(new PublishArguments().image(IMAGE + ":1").annotationsFromGit(true).format("docker")),
                containsString("annotationsFromGit cannot go with format: 'docker'"));
    }

    @Test
    void registryCredentialsAreOnePerOtherRegistryByHost() {
        PublishSpec spec = resolve(new PublishArguments().image(IMAGE + ":1").registryCredentials(List.of(
                new OtherRegistryLogin(" ghcr.io ", "ghcr"), new OtherRegistryLogin("localhost:5000", "local"))));
        assertEquals(List.of(new OtherRegistryLogin("ghcr.io", "ghcr"), new OtherRegistryLogin("localhost:5000", "local")),
                spec.otherLogins());
        assertThat(refused(new PublishArguments().image(IMAGE + ":1").registryCredentials(List.of(
                new OtherRegistryLogin("registry.example.com", "c")))), containsString("the image's own registry"));
        assertThat(refused(new PublishArguments().image(IMAGE + ":1").registryCredentials(List.of(
                new OtherRegistryLogin("ghcr.io", "a"), new OtherRegistryLogin("ghcr.io", "b")))),
                containsString("names ghcr.io twice"));
        assertThat(refused(new PublishArguments().image(IMAGE + ":1").registryCredentials(List.of(
                new OtherRegistryLogin("ghcr.io", " ")))), containsString("registryCredentials for ghcr.io has no credentialsId"));
        assertThat(refused(new PublishArguments().image(IMAGE + ":1").registryCredentials(List.of(
                new OtherRegistryLogin("https://ghcr.io", "a")))),
                allOf(containsString("'https://ghcr.io' is not a registry host"), containsString("host[:port]")));
        assertThat(refused(new PublishArguments().image(IMAGE + ":1").registryCredentials(List.of(
                new OtherRegistryLogin(null, "a")))), containsString("an entry without registry"));
    }

    @Test
    void theFormChecksUseTheSameRules() {
        assertEquals(Kind.OK, StepFieldChecks.alsoTo(IMAGE, List.of("ghcr.io/team/app")).kind());
        assertEquals(Kind.OK, StepFieldChecks.alsoTo("", List.of("ghcr.io/${TEAM}/app")).kind());
        assertThat(StepFieldChecks.alsoTo(IMAGE, List.of("team/app")).message(), containsString("names no registry"));
        assertThat(StepFieldChecks.alsoTo(IMAGE, List.of(IMAGE)).message(), containsString("twice"));
        assertEquals(Kind.OK, StepFieldChecks.registryHost("ghcr.io").kind());
        assertEquals(Kind.ERROR, StepFieldChecks.registryHost("").kind());
        assertEquals(Kind.ERROR, StepFieldChecks.registryHost("ghcr.io/team").kind());
    }
}
