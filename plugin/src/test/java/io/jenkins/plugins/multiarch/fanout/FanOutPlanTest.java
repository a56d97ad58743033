package io.jenkins.plugins.multiarch.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FanOutPlanTest {

    private static Map<String, Object> args(Object... keyThenValue) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("image", "registry.example.com/team/app");
        args.put("platforms", List.of("linux/amd64", "linux/arm64", "linux/arm/v7", "linux/arm/v6"));
        for (int i = 0; i < keyThenValue.length; i += 2) {
            args.put((String) keyThenValue[i], keyThenValue[i + 1]);
        }
        return args;
    }

    private static FanOutPlan plan(Map<String, Object> args, boolean insideNode, boolean jobHasScm) {
        return FanOutPlan.create(FanOutArguments.parse(args), Map.of(), insideNode, jobHasScm);
    }

    @Test
    void oneBranchPerPlatformNamedAsThePlatformOnItsLabel() {
        FanOutPlan plan = plan(args("agentLabel", "docker && {arch}{variant}"), true, false);
        List<String> names = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        plan.branches().forEach(b -> {
            names.add(b.name());
            labels.add(b.label());
        });
        assertEquals(List.of("linux/amd64", "linux/arm64", "linux/arm/v7", "linux/arm/v6"), names);
        assertEquals(List.of("docker && amd64", "docker && arm64", "docker && armv7", "docker && armv6"), labels);
    }

    @Test
    void eachBranchSetsThePlatformVariablesOfBuildKitAndGo() {
        FanOutPlan plan = plan(args(), true, false);
        assertEquals(List.of("TARGETPLATFORM=linux/arm/v7", "TARGETOS=linux", "TARGETARCH=arm", "TARGETVARIANT=v7",
                        "GOOS=linux", "GOARCH=arm", "GOARM=7",
                        "MULTIARCH_IMAGE=registry.example.com/team/app", "MULTIARCH_CONTEXT=."),
                plan.branches().get(2).environment());
        assertTrue(plan.branches().get(3).environment().contains("GOARM=6"));
        List<String> arm64 = plan.branches().get(1).environment();
        assertTrue(arm64.contains("TARGETVARIANT="));
        assertTrue(arm64.contains("GOARCH=arm64"));
        assertFalse(arm64.stream().anyMatch(e -> e.startsWith("GOARM=")), arm64.toString());
    }

    @Test
    void theMultiarchDefaultsCarryWhatTheBodysMultiArchBuildNeeds() {
        FanOutPlan plan = plan(args("context", "app", "file", "build/Containerfile", "builder", "podman",
                "registry", Map.of("url", "https://registry.example.com", "credentialsId", "push")), true, false);
        List<String> env = plan.branches().get(0).environment();
        assertEquals(List.of("MULTIARCH_IMAGE=registry.example.com/team/app", "MULTIARCH_CONTEXT=app",
                        "MULTIARCH_CREDENTIALS_ID=push", "MULTIARCH_REGISTRY_URL=https://registry.example.com",
                        "MULTIARCH_BUILDER=podman", "MULTIARCH_FILE=build/Containerfile"),
                env.subList(env.indexOf("MULTIARCH_IMAGE=registry.example.com/team/app"), env.size()));
    }

    @Test
    void theBuildArgumentsAreTheContractsKeysWithOnlyWhatWasGiven() {
        Map<String, Object> build = plan(args("credentialsId", "push", "buildArgs", Map.of("V", "1"), "target", "prod",
                "tagTemplate", "{arch}-1", "insecure", true, "labels", Map.of("a", "b"),
                "imageAnnotations", Map.of("c", "d"), "annotations", Map.of("index", "only")), true, false)
                .branches().get(1).buildArguments();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("image", "registry.example.com/team/app");
        expected.put("platform", "linux/arm64");
        expected.put("context", ".");
        expected.put("credentialsId", "push");
        expected.put("buildArgs", Map.of("V", "1"));
        expected.put("target", "prod");
        expected.put("tagTemplate", "{arch}-1");
        expected.put("insecure", true);
        expected.put("labels", Map.of("a", "b"));
        expected.put("annotations", Map.of("c", "d"));
        assertEquals(expected, build);
    }

    @Test
    void thePublishArgumentsNameExactlyThePlatformsBuilt() {
        Map<String, Object> publish = plan(args("tags", List.of("1.4.2", "latest"), "credentialsId", "push",
                "format", "oci", "annotations", Map.of("org.opencontainers.image.version", "1.4.2"),
                "binaryCheck", false, "binaryBudget", "64M", "allBinaries", true, "dryRun", true,
                "imageAnnotations", Map.of("not", "here")), true, false).publishArguments();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("image", "registry.example.com/team/app");
        expected.put("tags", List.of("1.4.2", "latest"));
        expected.put("platforms", List.of("linux/amd64", "linux/arm64", "linux/arm/v7", "linux/arm/v6"));
        expected.put("credentialsId", "push");
        expected.put("format", "oci");
        expected.put("annotations", Map.of("org.opencontainers.image.version", "1.4.2"));
        expected.put("binaryCheck", false);
        expected.put("binaryBudget", "64M");
        expected.put("allBinaries", true);
        expected.put("dryRun", true);
        assertEquals(expected, publish);
    }

    @Test
    void theGitTargetAndLoginOptionsGoToThePublish() {
        Map<String, Object> publish = plan(args("tagsFromGit", true, "annotationsFromGit", true,
                "alsoTo", List.of("ghcr.io/team/app"), "attestations", false, "referrers", true,
                "registryCredentials", List.of(Map.of("registry", "ghcr.io", "credentialsId", "ghcr-push"))),
                true, false).publishArguments();
        assertEquals(true, publish.get("tagsFromGit"));
        assertEquals(true, publish.get("annotationsFromGit"));
        assertEquals(List.of("ghcr.io/team/app"), publish.get("alsoTo"));
        assertEquals(false, publish.get("attestations"));
        assertEquals(true, publish.get("referrers"));
        assertEquals(List.of(Map.of("registry", "ghcr.io", "credentialsId", "ghcr-push")), publish.get("registryCredentials"));
    }

    @Test
    void insideNodeTheContextIsStashedEvenWhenTheJobHasScm() {
        FanOutPlan plan = plan(args("context", "app", "file", "docker/Containerfile"), true, true);
        assertEquals(ContextSource.STASH, plan.contextSource());
        Map<String, Object> map = plan.toMap();
        assertEquals("stash", map.get("source"));
        assertEquals(Map.of("name", FanOutPlan.STASH_NAME, "includes", "app/**,docker/Containerfile"), map.get("stash"));
        assertEquals(Map.of("name", FanOutPlan.STASH_NAME, "includes", "**"), plan(args(), true, false).toMap().get("stash"));
    }

    @Test
    void outsideNodeAJobWithScmChecksOutOnEachAgent() {
        Map<String, Object> map = plan(args(), false, true).toMap();
        assertEquals("checkout", map.get("source"));
        assertFalse(map.containsKey("stash"));
    }

    @Test
    void outsideNodeWithoutScmIsRefusedSayingBothWays() {
        FanOutArgumentException e = assertThrows(FanOutArgumentException.class, () -> plan(args(), false, false));
        assertTrue(e.getMessage().contains("call it inside node { }"), e.getMessage());
        assertTrue(e.getMessage().contains("checkout scm"), e.getMessage());
    }

    @Test
    void failFastIsOnUnlessTurnedOff() {
        assertEquals(true, plan(args(), true, false).toMap().get("failFast"));
        assertEquals(false, plan(args("failFast", false), true, false).toMap().get("failFast"));
    }

    @Test
    void everyLabelIsCheckedAndEachMissingOneNamed() {
        FanOutPlan plan = plan(args("agentLabels", Map.of("linux/arm/v6", "pi-zero", "linux/arm/v7", "pi")), true, false);
        List<String> asked = new ArrayList<>();
        FanOutArgumentException e = assertThrows(FanOutArgumentException.class, () -> plan.requireAgents(label -> {
            asked.add(label);
            return label.startsWith("pi") ? "label " + label + " matches no agent and no cloud" : null;
        }));
        assertEquals(List.of("amd64", "arm64", "pi", "pi-zero"), asked);
        assertEquals("Nothing was built: linux/arm/v7: label pi matches no agent and no cloud; "
                + "linux/arm/v6: label pi-zero matches no agent and no cloud. "
                + "Add agents with those labels, or choose labels with agentLabel / agentLabels", e.getMessage());
        plan(args(), true, false).requireAgents(label -> null);
    }

    @Test
    void theMapHoldsOnlyPlainSerializableValues() throws IOException {
        Map<String, Object> map = plan(args("tags", List.of("1"), "registry", Map.of("url", "https://r.example.com"),
                "buildArgs", Map.of("A", "1")), true, false).toMap();
        assertPlain(map);
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(map);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> branch = ((List<Map<String, Object>>) map.get("branches")).get(2);
        assertEquals("linux/arm/v7", branch.get("name"));
        assertEquals("arm", branch.get("label"));
        assertEquals(Map.of("platform", "linux/arm/v7", "os", "linux", "arch", "arm", "variant", "v7", "label", "arm"),
                branch.get("platform"));
    }

    private static void assertPlain(Object value) {
        if (value instanceof Map<?, ?> map) {
            assertEquals(LinkedHashMap.class, map.getClass());
            map.values().forEach(FanOutPlanTest::assertPlain);
        } else if (value instanceof Collection<?> list) {
            assertEquals(ArrayList.class, list.getClass());
            list.forEach(FanOutPlanTest::assertPlain);
        } else {
            assertTrue(value instanceof String || value instanceof Boolean, String.valueOf(value));
        }
    }
}
