package io.jenkins.plugins.multiarch.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import groovy.lang.Binding;
import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyShell;
import groovy.lang.GroovySystem;
import io.jenkins.plugins.multiarch.fanout.FanOutArgumentException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The Groovy class MultiArchImage, compiled and run by the Groovy Jenkins runs Pipelines with, against a recording
 * stand-in for the Pipeline script: what it calls, in which order, with what, and what it never calls.
 */
class MultiArchImageGroovyTest {

    private static final String IMAGE = "registry.example.com/team/app";
    private static final String ONE_CALL = "multiArchImage image: '" + IMAGE + "', tags: ['1.4.2', 'latest'],\n"
            + "    platforms: ['linux/amd64', 'linux/arm64', 'linux/arm/v7'], credentialsId: 'registry-creds'\n";

    private static RecordingScript jenkinsfile(String text, Consumer<RecordingScript> setup) {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(RecordingScript.class.getName());
        GroovyShell shell = new GroovyShell(MultiArchImageGroovyTest.class.getClassLoader(), new Binding(), config);
        RecordingScript script = (RecordingScript) shell.parse(text);
        setup.accept(script);
        return script;
    }

    @Test
    void isCompiledByTheGroovyOfJenkins() throws Exception {
        assertEquals("2.4.21", GroovySystem.getVersion());
        try (GroovyClassLoader loader = new GroovyClassLoader(getClass().getClassLoader())) {
            String source;
            try (InputStream in = MultiArchImageSource.url().openStream()) {
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Class<?> type = loader.parseClass(source, MultiArchImageSource.FILE_NAME);
            assertEquals(MultiArchImageSource.CLASS_NAME, type.getName());
            assertTrue(PipelineScriptHolder.class.isAssignableFrom(type));
            assertTrue(java.io.Serializable.class.isAssignableFrom(type));
        }
    }

    @Test
    void theOneCallFormStashesBuildsEachPlatformOnItsAgentThenPublishes() {
        RecordingScript script = jenkinsfile("def digest = " + ONE_CALL + "return digest\n", s -> { });
        assertEquals("sha256:index", script.run());
        String env = "TARGETPLATFORM=%s, TARGETOS=linux, TARGETARCH=%s, TARGETVARIANT=%s, GOOS=linux, GOARCH=%s%s, "
                + "MULTIARCH_IMAGE=" + IMAGE + ", MULTIARCH_CONTEXT=., MULTIARCH_CREDENTIALS_ID=registry-creds]";
        String build = "multiArchBuild {context=., credentialsId=registry-creds, image=" + IMAGE + ", platform=%s}"
                + " TARGETPLATFORM=%s MULTIARCH_IMAGE=" + IMAGE + " on %s";
        assertEquals(List.of(
                "multiArchPlan",
                "stash {includes=**, name=multiarch-image-context}",
                "parallel [linux/amd64, linux/arm64, linux/arm/v7] failFast",
                "node amd64",
                "withEnv [" + String.format(env, "linux/amd64", "amd64", "", "amd64", "") + " on amd64",
                "unstash multiarch-image-context on amd64",
                String.format(build, "linux/amd64", "linux/amd64", "amd64"),
                "node arm64",
                "withEnv [" + String.format(env, "linux/arm64", "arm64", "", "arm64", "") + " on arm64",
                "unstash multiarch-image-context on arm64",
                String.format(build, "linux/arm64", "linux/arm64", "arm64"),
                "node arm",
                "withEnv [" + String.format(env, "linux/arm/v7", "arm", "v7", "arm", ", GOARM=7") + " on arm",
                "unstash multiarch-image-context on arm",
                String.format(build, "linux/arm/v7", "linux/arm/v7", "arm"),
                "multiArchPublish {credentialsId=registry-creds, image=" + IMAGE
                        + ", platforms=[linux/amd64, linux/arm64, linux/arm/v7], tags=[1.4.2, latest]}"),
                script.calls);
    }

    @Test
    void theBodyRunsOnEachAgentInsteadOfTheDefaultBuildWithThePlatformAndItsEnvironment() {
        RecordingScript script = jenkinsfile(
                "seen = []\n"
                + "multiArchImage(image: '" + IMAGE + "', platforms: ['linux/arm/v6', 'linux/amd64'],\n"
                + "               agentLabel: 'docker && {arch}{variant}') { p ->\n"
                + "    sh \"make GOARCH=${p.arch} GOARM=${env().GOARM ?: ''} build\"\n"
                + "    seen << p\n"
                + "    multiArchBuild()\n"
                + "}\n"
                + "return seen\n", s -> s.agentLabels = Set.of("docker && armv6", "docker && amd64"));
        Object seen = script.run();
        assertEquals(List.of(
                Map.of("platform", "linux/arm/v6", "os", "linux", "arch", "arm", "variant", "v6", "label", "docker && armv6"),
                Map.of("platform", "linux/amd64", "os", "linux", "arch", "amd64", "variant", "", "label", "docker && amd64")),
                seen);
        List<String> work = new ArrayList<>();
        script.calls.stream().filter(c -> c.startsWith("sh ") || c.startsWith("multiArchBuild")).forEach(work::add);
        assertEquals(List.of(
                "sh make GOARCH=arm GOARM=6 build on docker && armv6",
                "multiArchBuild {} TARGETPLATFORM=linux/arm/v6 MULTIARCH_IMAGE=" + IMAGE + " on docker && armv6",
                "sh make GOARCH=amd64 GOARM= build on docker && amd64",
                "multiArchBuild {} TARGETPLATFORM=linux/amd64 MULTIARCH_IMAGE=" + IMAGE + " on docker && amd64"), work);
        assertTrue(script.calls.get(script.calls.size() - 1).startsWith("multiArchPublish "));
    }

    @Test
    void outsideNodeEachAgentChecksOutTheJobsScmAndNothingIsStashed() {
        RecordingScript script = jenkinsfile(ONE_CALL, s -> {
            s.insideNode = false;
            s.jobHasScm = true;
        });
        script.run();
        assertTrue(script.calls.contains("checkout the job's SCM on arm64"), script.calls.toString());
        assertFalse(script.calls.stream().anyMatch(c -> c.startsWith("stash") || c.startsWith("unstash")), script.calls.toString());
    }

    @Test
    void aFailingBranchAbortsTheOthersWithFailFastAndNothingIsPublished() {
        RecordingScript script = jenkinsfile(ONE_CALL, s -> s.failingPlatforms = Set.of("linux/amd64"));
        IllegalStateException e = assertThrows(IllegalStateException.class, script::run);
        assertEquals("the build for linux/amd64 failed", e.getMessage());
        assertTrue(script.calls.containsAll(List.of("failed linux/amd64", "aborted linux/arm64", "aborted linux/arm/v7")),
                script.calls.toString());
        assertFalse(script.calls.stream().anyMatch(c -> c.startsWith("multiArchPublish")), script.calls.toString());
    }

    @Test
    void withoutFailFastTheOtherBranchesBuildButNothingIsPublished() {
        RecordingScript script = jenkinsfile(ONE_CALL.replace("credentialsId:", "failFast: false, credentialsId:"),
                s -> s.failingPlatforms = Set.of("linux/arm64"));
        assertThrows(IllegalStateException.class, script::run);
        assertTrue(script.calls.contains("parallel [linux/amd64, linux/arm64, linux/arm/v7]"), script.calls.toString());
        assertTrue(script.calls.stream().anyMatch(c -> c.startsWith("multiArchBuild") && c.endsWith(" on arm")));
        assertFalse(script.calls.stream().anyMatch(c -> c.startsWith("multiArchPublish") || c.startsWith("aborted")),
                script.calls.toString());
    }

    @Test
    void aPlatformWithoutAgentFailsBeforeAnythingRuns() {
        RecordingScript script = jenkinsfile(ONE_CALL, s -> s.agentLabels = Set.of("amd64", "arm64"));
        FanOutArgumentException e = assertThrows(FanOutArgumentException.class, script::run);
        assertTrue(e.getMessage().contains("linux/arm/v7: label arm matches no agent"), e.getMessage());
        assertEquals(List.of("multiArchPlan"), script.calls);
    }

    @Test
    void aWrongArgumentFailsBeforeAnythingRuns() {
        RecordingScript script = jenkinsfile(ONE_CALL.replace("tags:", "tag:"), s -> { });
        FanOutArgumentException e = assertThrows(FanOutArgumentException.class, script::run);
        assertTrue(e.getMessage().startsWith("multiArchImage has no argument tag: did you mean tags?"), e.getMessage());
        assertEquals(List.of("multiArchPlan"), script.calls);
    }

    @Test
    void interpolatedArgumentsReachThePlanAsText() {
        RecordingScript script = jenkinsfile("def version = '1.4.2'\ndef arch = 'arm64'\n"
                + "multiArchImage image: \"" + IMAGE + "\", tags: [\"${version}\"], platforms: [\"linux/${arch}\"]\n",
                s -> { });
        script.run();
        assertTrue(script.calls.contains("multiArchPublish {image=" + IMAGE + ", platforms=[linux/arm64], tags=[1.4.2]}"),
                script.calls.toString());
    }

    @Test
    void aSecondCallReusesTheInstanceInTheBinding() {
        RecordingScript script = jenkinsfile(ONE_CALL + "first = multiArchImage\n" + ONE_CALL + "return first.is(multiArchImage)\n",
                s -> { });
        assertEquals(Boolean.TRUE, script.run());
    }

    /**
     * A sandboxed Jenkinsfile may call every public method and read every field that the Groovy class itself
     * declares; the script it drives must not be among them.
     */
    @Test
    void theGroovyClassDeclaresNoPublicMemberButCall() throws Exception {
        Class<?> type = jenkinsfile("", s -> { }).getClass().getClassLoader().loadClass(MultiArchImageSource.CLASS_NAME);
        Set<String> methods = new TreeSet<>();
        for (Method method : type.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()) {
                methods.add(method.getName() + List.of(method.getParameterTypes()).stream().map(Class::getSimpleName).toList());
            }
        }
        assertEquals(Set.of("call[Map]", "call[Map, Closure]"), methods);
        for (Field field : type.getDeclaredFields()) {
            assertTrue(field.isSynthetic() || field.getName().equals("serialVersionUID"), field.toString());
        }
        Field held = PipelineScriptHolder.class.getDeclaredField("script");
        assertTrue(Modifier.isPrivate(held.getModifiers()) && Modifier.isFinal(held.getModifiers()));
        assertTrue(Modifier.isProtected(PipelineScriptHolder.class.getDeclaredMethod("pipeline").getModifiers()));
    }
}
