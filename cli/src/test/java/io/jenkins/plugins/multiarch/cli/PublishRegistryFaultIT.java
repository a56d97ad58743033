package io.jenkins.plugins.multiarch.cli;

import io.jenkins.plugins.multiarch.testkit.FaultCase;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.multiarch.testkit.FaultInjectingProxy;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.ScratchImage;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code multiarch publish} as a process, against a real registry behind a proxy that fails chosen requests: the
 * exit status and the one-line message a user gets.
 */
class PublishRegistryFaultIT {

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.anonymous();

    private FaultInjectingProxy proxy;
    private String repo;

    @BeforeAll
    static void push() {
        ScratchImage.forPlatform("linux/amd64").file("/hello", "amd64").pushTo(registry.host(), "cli/faults:amd64");
    }

    @BeforeEach
    void startProxy() {
        proxy = FaultInjectingProxy.inFrontOf(registry);
        repo = proxy.host() + "/cli/faults";
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    @Test
    @FaultCase(area = "publish", fault = "a tag PUT answered 400 (bin/multiarch publish)",
            outcome = "exit 1 naming the tags written and not written")
    void aFailedTagWriteExitsOneNamingTheTagsWrittenAndNotWritten() throws Exception {
        proxy.failNext(1, "PUT", ".*/manifests/latest", 400);

        MultiarchProcess.Outcome outcome = MultiarchProcess.run("publish", repo + ":1.0", "--tag", "latest",
                "--tag", "stable", "--no-binary-check", "--source", "linux/amd64=" + repo + ":amd64");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(1);
        assertThat(outcome.stdout()).isEmpty();
        assertThat(errorLines(outcome)).singleElement().asString().matches(Pattern.quote("multiarch: error: index ")
                + "sha256:[0-9a-f]{64}" + Pattern.quote(" written under 1.0; writing latest failed: registry "
                + proxy.host() + " answered PUT cli/faults:latest with HTTP 400: UNAVAILABLE injected by"
                + " FaultInjectingProxy; not written: latest, stable"));
        assertThat(proxy.count("PUT", ".*/manifests/stable")).isZero();
    }

    /** Standard error from the error line on: the progress lines ({@code verified ...}) come before it. */
    private static List<String> errorLines(MultiarchProcess.Outcome outcome) {
        return outcome.stderr().lines().dropWhile(line -> !line.startsWith("multiarch: error: ")).toList();
    }

    @Test
    @FaultCase(area = "output", fault = "a 403 on the tag lookup (bin/multiarch publish)",
            outcome = "exit 1 with the registry's message, no Java class name")
    void aDeniedTagLookupFailsWithTheRegistrysMessageAndNoClassName() throws Exception {
        proxy.failNext(1, "HEAD", ".*/manifests/denied", 403);

        MultiarchProcess.Outcome outcome = MultiarchProcess.run("publish", repo + ":denied", "--no-binary-check",
                "--source", "linux/amd64=" + repo + ":amd64");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(1);
        assertThat(outcome.stdout()).isEmpty();
        assertThat(outcome.stderr()).doesNotContain("Exception", "io.jenkins");
        assertThat(errorLines(outcome)).singleElement().asString()
                .startsWith("multiarch: error: registry " + proxy.host() + " denied HEAD cli/faults:denied");
    }
}
