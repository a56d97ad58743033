package io.jenkins.plugins.multiarch.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.multiarch.engine.platform.Platform;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FanOutArgumentsTest {

    /** What Groovy passes for "${...}": not a String, only a CharSequence. */
    private static final class FakeGString implements CharSequence {
        private final String text;

        FakeGString(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private static Map<String, Object> minimal() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("image", "registry.example.com/team/app");
        args.put("platforms", List.of("linux/amd64", "linux/arm64"));
        return args;
    }

    private static FanOutArgumentException refused(Map<String, Object> args) {
        return assertThrows(FanOutArgumentException.class, () -> FanOutArguments.parse(args));
    }

    @Test
    void theMinimalCallHasItsDefaults() {
        FanOutArguments a = FanOutArguments.parse(minimal());
        assertEquals("registry.example.com/team/app", a.image());
        assertEquals(List.of(Platform.LINUX_AMD64, Platform.LINUX_ARM64), a.platforms());
        assertTrue(a.failFast());
        assertEquals(".", a.context());
        assertNull(a.tags());
        assertNull(a.agentLabel());
        assertEquals(Map.of(), a.agentLabels());
        assertNull(a.effectiveCredentialsId());
    }

    @Test
    void anUnknownKeyIsRefusedWithTheNearestValidOneAndTheFullList() {
        Map<String, Object> args = minimal();
        args.put("platfroms", List.of("linux/arm64"));
        FanOutArgumentException e = refused(args);
        assertTrue(e.getMessage().startsWith("multiArchImage has no argument platfroms: did you mean platforms? "
                + "Its arguments are "), e.getMessage());
        for (String key : FanOutArguments.KEYS) {
            assertTrue(e.getMessage().contains(key), key);
        }
    }

    @Test
    void anUnknownKeyFarFromEveryValidOneGetsNoSuggestion() {
        Map<String, Object> args = minimal();
        args.put("somethingElse", true);
        assertTrue(refused(args).getMessage().startsWith("multiArchImage has no argument somethingElse; its arguments are "));
    }

    @Test
    void aWrongCaseKeyIsSuggestedItsRightCase() {
        Map<String, Object> args = minimal();
        args.put("credentialsID", "creds");
        assertTrue(refused(args).getMessage().contains("did you mean credentialsId?"));
    }

    @Test
    void gStringsCountAsText() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put(new FakeGString("image").toString(), new FakeGString("registry.example.com/team/app"));
        args.put("platforms", List.of(new FakeGString("linux/arm/v7")));
        args.put("tags", List.of(new FakeGString("1.4.2"), "latest"));
        args.put("failFast", new FakeGString("false"));
        args.put("buildArgs", Map.of("VERSION", new FakeGString("1.4.2")));
        FanOutArguments a = FanOutArguments.parse(args);
        assertEquals("registry.example.com/team/app", a.image());
        assertEquals(List.of(Platform.LINUX_ARM_V7), a.platforms());
        assertEquals(List.of("1.4.2", "latest"), a.tags());
        assertFalse(a.failFast());
        assertEquals(Map.of("VERSION", "1.4.2"), a.buildArgs());
    }

    @Test
    void platformsAreNormalizedAndAOneTextListIsSplitAtCommas() {
        Map<String, Object> args = minimal();
        args.put("platforms", "x86_64, aarch64,linux/armhf");
        assertEquals(List.of(Platform.LINUX_AMD64, Platform.LINUX_ARM64, Platform.LINUX_ARM_V7),
                FanOutArguments.parse(args).platforms());
    }

    @Test
    void twoSpellingsOfOnePlatformAreRefused() {
        Map<String, Object> args = minimal();
        args.put("platforms", List.of("linux/arm64", "aarch64"));
        assertEquals("multiArchImage argument platforms names linux/arm64 twice (linux/arm64 and aarch64): "
                + "list each platform once", refused(args).getMessage());
    }

    @Test
    void anUnknownPlatformIsRefusedWithTheEnginesReason() {
        Map<String, Object> args = minimal();
        args.put("platforms", List.of("linux/sparc"));
        String message = refused(args).getMessage();
        assertTrue(message.startsWith("multiArchImage argument platforms: invalid platform 'linux/sparc': "
                + "unknown architecture 'sparc'"), message);
    }

    @Test
    void imageAndPlatformsAreRequired() {
        Map<String, Object> noImage = minimal();
        noImage.remove("image");
        assertTrue(refused(noImage).getMessage().startsWith("multiArchImage needs image:"));
        Map<String, Object> noPlatforms = minimal();
        noPlatforms.put("platforms", List.of());
        assertTrue(refused(noPlatforms).getMessage().startsWith("multiArchImage needs platforms:"));
        assertTrue(assertThrows(FanOutArgumentException.class, () -> FanOutArguments.parse(null))
                .getMessage().startsWith("multiArchImage needs arguments"));
    }

    @Test
    void anImageWithATagIsRefusedPointingToTags() {
        Map<String, Object> args = minimal();
        args.put("image", "registry.example.com/team/app:1.0");
        assertEquals("multiArchImage argument image is registry.example.com/team/app:1.0: give the repository only, "
                + "and the tags in tags: [...]", refused(args).getMessage());
    }

    @Test
    void wrongTypesAreNamedWithoutShowingTheValue() {
        Map<String, Object> args = minimal();
        args.put("credentialsId", List.of("s3cr3t"));
        assertEquals("multiArchImage argument credentialsId must be text, not a list, e.g. ['a', 'b']",
                refused(args).getMessage());
        Map<String, Object> flag = minimal();
        flag.put("failFast", "s3cr3t");
        String message = refused(flag).getMessage();
        assertEquals("multiArchImage argument failFast must be true or false, not text", message);
        Map<String, Object> map = minimal();
        map.put("buildArgs", "s3cr3t");
        assertEquals("multiArchImage argument buildArgs must be a map, e.g. [key: 'value'], not text",
                refused(map).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-bad", ".bad", "with space", "a:b"})
    void invalidTagsAreRefused(String tag) {
        Map<String, Object> args = minimal();
        args.put("tags", List.of("ok", tag));
        assertTrue(refused(args).getMessage().startsWith("multiArchImage argument tags: " + tag + " is not a tag"));
    }

    @Test
    void contextIsAPathInsideTheWorkspace() {
        Map<String, Object> args = minimal();
        args.put("context", "./app/");
        assertEquals("app", FanOutArguments.parse(args).context());
        args.put("context", "/etc");
        assertTrue(refused(args).getMessage().contains("give a path relative to the workspace"));
        args.put("context", "app/../..");
        assertTrue(refused(args).getMessage().contains("which leaves the workspace"));
    }

    @Test
    void agentLabelsMustNameBuiltPlatforms() {
        Map<String, Object> args = minimal();
        args.put("agentLabels", Map.of("aarch64", "big-arm"));
        assertEquals(Map.of(Platform.LINUX_ARM64, "big-arm"), FanOutArguments.parse(args).agentLabels());
        args.put("agentLabels", Map.of("linux/arm/v7", "pi"));
        assertEquals("multiArchImage argument agentLabels names linux/arm/v7, which is not among the platforms built: "
                + "linux/amd64, linux/arm64", refused(args).getMessage());
    }

    @Test
    void theRegistryTakesUrlAndCredentialsIdOnly() {
        Map<String, Object> args = minimal();
        args.put("registry", Map.of("url", "https://registry.example.com", "credentialsId", "push"));
        FanOutArguments a = FanOutArguments.parse(args);
        assertEquals("https://registry.example.com", a.registryUrl());
        assertEquals("push", a.effectiveCredentialsId());

        args.put("registry", Map.of("uri", "https://registry.example.com"));
        assertEquals("multiArchImage argument registry has no uri: it takes url, credentialsId", refused(args).getMessage());
        args.put("registry", Map.of("url", "ftp://x"));
        assertTrue(refused(args).getMessage().startsWith("multiArchImage argument registry.url: "));
    }

    @Test
    void twoDifferentCredentialsAreRefused() {
        Map<String, Object> args = minimal();
        args.put("credentialsId", "a");
        args.put("registry", Map.of("url", "https://registry.example.com", "credentialsId", "b"));
        assertEquals("multiArchImage has credentialsId a and registry.credentialsId b: give one of them",
                refused(args).getMessage());
    }

    @Test
    void passthroughArgumentsAreChecked() {
        Map<String, Object> builder = minimal();
        builder.put("builder", "Buildah");
        assertEquals("buildah", FanOutArguments.parse(builder).builder());
        builder.put("builder", "bazel");
        assertTrue(refused(builder).getMessage().startsWith("multiArchImage argument builder: unknown builder bazel; use one of auto, buildah"));

        Map<String, Object> format = minimal();
        format.put("format", "zip");
        assertEquals("multiArchImage argument format: unknown format zip; use one of oci, docker, auto",
                refused(format).getMessage());

        Map<String, Object> budget = minimal();
        budget.put("binaryBudget", "lots");
        assertTrue(refused(budget).getMessage().startsWith("multiArchImage argument binaryBudget: lots is not a size"));
    }

    @Test
    void theIssue11OptionsAreCheckedAndKept() {
        Map<String, Object> args = minimal();
        args.put("tagsFromGit", true);
        args.put("annotationsFromGit", "true");
        args.put("alsoTo", List.of("ghcr.io/team/app", new FakeGString("docker.io/team/app:stable")));
        args.put("attestations", false);
        args.put("referrers", "true");
        args.put("registryCredentials", List.of(Map.of("registry", "ghcr.io", "credentialsId", "ghcr-push")));
        FanOutArguments a = FanOutArguments.parse(args);
        assertEquals(Boolean.TRUE, a.tagsFromGit());
        assertEquals(Boolean.TRUE, a.annotationsFromGit());
        assertEquals(List.of("ghcr.io/team/app", "docker.io/team/app:stable"), a.alsoTo());
        assertEquals(Boolean.FALSE, a.attestations());
        assertEquals(Boolean.TRUE, a.referrers());
        assertEquals(List.of(Map.of("registry", "ghcr.io", "credentialsId", "ghcr-push")), a.registryCredentials());
        FanOutArguments none = FanOutArguments.parse(minimal());
        assertEquals(null, none.alsoTo());
        assertEquals(null, none.registryCredentials());
    }

    @Test
    void badAlsoToAndRegistryCredentialsAreRefusedBeforeAnyAgent() {
        Map<String, Object> args = minimal();
        args.put("alsoTo", List.of("team/app"));
        assertTrue(refused(args).getMessage().contains("alsoTo: 'team/app' names no registry"));
        args.put("alsoTo", List.of("registry.example.com/team/app:2"));
        assertTrue(refused(args).getMessage().contains("is given as a target twice"));
        args.remove("alsoTo");
        args.put("registryCredentials", List.of(Map.of("registry", "ghcr.io")));
        assertTrue(refused(args).getMessage().contains("each entry needs registry and credentialsId"));
        args.put("registryCredentials", List.of(Map.of("registry", "ghcr.io", "credentialsId", "a", "password", "x")));
        assertTrue(refused(args).getMessage().contains("registryCredentials has no password"));
        args.put("registryCredentials", List.of(Map.of("registry", "ghcr.io", "credentialsId", "a"),
                Map.of("registry", "ghcr.io", "credentialsId", "b")));
        assertTrue(refused(args).getMessage().contains("names ghcr.io twice"));
        args.put("registryCredentials", "ghcr.io");
        assertTrue(refused(args).getMessage().contains("must be a list of maps"));
        args.put("registryCredentials", List.of(Map.of("registry", "https://ghcr.io", "credentialsId", "a")));
        assertTrue(refused(args).getMessage().contains("is not a registry host"));
    }
}
