package io.jenkins.plugins.multiarch.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.FilePath;
import hudson.model.Label;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.multiarch.testkit.GoProgram;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.Skopeo;
import io.jenkins.plugins.multiarch.testkit.TagList;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.CpsScmFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.SingleFileSCM;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * multiArchImage in a real Jenkins, sandboxed Jenkinsfiles, with agents labelled {@code amd64} and {@code arm64}
 * (both on this machine: the Containerfile only copies a program built for the platform, so no emulation is
 * needed), buildah, and a real registry. A third agent, {@code source}, holds the build context the fan-out stashes.
 */
@WithJenkins
class MultiArchImageJenkinsTest {

    @RegisterExtension
    static final RegistryExtension REGISTRY = RegistryExtension.anonymous();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTAINERFILE = "FROM scratch\nARG TARGETARCH\nCOPY hello-${TARGETARCH} /hello\n"
            + "ENTRYPOINT [\"/hello\"]\n";
    private static final Map<String, byte[]> PROGRAMS = new java.util.HashMap<>();

    private JenkinsRule r;
    private DumbSlave source;
    private DumbSlave amd64;
    private DumbSlave arm64;

    @BeforeAll
    static void buildPrograms() {
        PROGRAMS.put("amd64", GoProgram.helloWorld("amd64"));
        PROGRAMS.put("arm64", GoProgram.helloWorld("arm64"));
    }

    @BeforeEach
    void agents(JenkinsRule rule) throws Exception {
        r = rule;
        source = r.createOnlineSlave(Label.get("source"));
        amd64 = r.createOnlineSlave(Label.get("amd64"));
        arm64 = r.createOnlineSlave(Label.get("arm64"));
    }

    private String image(String name) {
        return REGISTRY.host() + "/team/" + name;
    }

    private WorkflowJob job(String name, String jenkinsfile) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(jenkinsfile, true));
        return job;
    }

    /** The build context in the job's workspace on these agents: the Containerfile and the programs named. */
    private static void context(WorkflowJob job, Set<String> programs, DumbSlave... agents) throws Exception {
        for (DumbSlave agent : agents) {
            FilePath workspace = agent.getWorkspaceFor(job);
            assertNotNull(workspace);
            workspace.child("Containerfile").write(CONTAINERFILE, "UTF-8");
            for (String arch : programs) {
                FilePath program = workspace.child("hello-" + arch);
                program.copyFrom(new ByteArrayInputStream(PROGRAMS.get(arch)));
                program.chmod(0755);
            }
        }
    }

    private static Set<String> indexPlatforms(String reference) throws Exception {
        JsonNode index = JSON.readTree(Skopeo.rawManifest(reference, null));
        Set<String> platforms = new TreeSet<>();
        index.path("manifests").forEach(m -> platforms.add(m.path("platform").path("os").asText() + "/"
                + m.path("platform").path("architecture").asText()));
        return platforms;
    }

    @Test
    void theOneCallFormBuildsEachPlatformOnItsAgentAndPublishesTheIndex() throws Exception {
        WorkflowJob job = job("one-call", "node('source') {\n"
                + "  def digest = multiArchImage image: '" + image("one-call") + "', tags: ['1.0', 'latest'],\n"
                + "      platforms: ['linux/amd64', 'linux/arm64'], builder: 'buildah', insecure: true\n"
                + "  echo \"index ${digest}\"\n"
                + "}\n");
        context(job, Set.of("amd64", "arm64"), source);
        WorkflowRun run = r.buildAndAssertSuccess(job);
        r.assertLogContains("index sha256:", run);
        r.assertLogContains("[linux/amd64] ", run); // the branches are named as the platforms
        r.assertLogContains("[linux/arm64] ", run);
        assertEquals(Set.of("linux/amd64", "linux/arm64"), indexPlatforms(image("one-call") + ":1.0"));
        assertEquals(new TreeSet<>(Set.of("1.0", "latest")), new TreeSet<>(TagList.of(REGISTRY, "team/one-call").tags()));
    }

    @Test
    void theBodyRunsOnEachAgentWithThePlatformAndItsEnvironment() throws Exception {
        WorkflowJob job = job("body", "node('source') {\n"
                + "  multiArchImage(image: '" + image("body") + "', tags: ['1.0'], platforms: ['linux/amd64', 'linux/arm64'],\n"
                + "                 builder: 'buildah', insecure: true) { p ->\n"
                + "    echo \"body for ${p.arch} on ${env.NODE_NAME}: GOARCH=${env.GOARCH} TARGETPLATFORM=${env.TARGETPLATFORM}\"\n"
                + "    multiArchBuild(insecure: true)\n"
                + "  }\n"
                + "}\n");
        context(job, Set.of("amd64", "arm64"), source);
        WorkflowRun run = r.buildAndAssertSuccess(job);
        r.assertLogContains("body for arm64 on " + arm64.getNodeName() + ": GOARCH=arm64 TARGETPLATFORM=linux/arm64", run);
        r.assertLogContains("body for amd64 on " + amd64.getNodeName() + ": GOARCH=amd64 TARGETPLATFORM=linux/amd64", run);
        assertEquals(Set.of("linux/amd64", "linux/arm64"), indexPlatforms(image("body") + ":1.0"));
    }

    @Test
    void declarativeCallsItInStepsWithoutScript() throws Exception {
        WorkflowJob job = job("declarative", "pipeline {\n"
                + "  agent { label 'source' }\n"
                + "  stages {\n"
                + "    stage('image') {\n"
                + "      steps {\n"
                + "        multiArchImage(image: '" + image("declarative") + "', tags: ['1.0'],\n"
                + "                       platforms: ['linux/amd64', 'linux/arm64'], builder: 'buildah', insecure: true)\n"
                + "      }\n"
                + "    }\n"
                + "  }\n"
                + "}\n");
        context(job, Set.of("amd64", "arm64"), source);
        r.buildAndAssertSuccess(job);
        assertEquals(Set.of("linux/amd64", "linux/arm64"), indexPlatforms(image("declarative") + ":1.0"));
    }

    @Test
    void declarativeChecksTheArgumentsAtRunTime() throws Exception {
        WorkflowJob job = job("declarative-typo", "pipeline {\n"
                + "  agent { label 'source' }\n"
                + "  stages { stage('image') { steps {\n"
                + "    multiArchImage(image: '" + image("typo") + "', platfroms: ['linux/amd64'])\n"
                + "  } } }\n"
                + "}\n");
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);
        r.assertLogContains("multiArchImage has no argument platfroms: did you mean platforms?", run);
        r.assertLogNotContains("[Pipeline] parallel", run);
    }

    @Test
    void theMatrixFormBuildsInCellsAndPublishesInAStage() throws Exception {
        WorkflowJob job = job("matrix", "pipeline {\n"
                + "  agent none\n"
                + "  stages {\n"
                + "    stage('build') {\n"
                + "      matrix {\n"
                + "        axes { axis { name 'PLATFORM'; values 'amd64', 'arm64' } }\n"
                + "        agent { label \"${PLATFORM}\" }\n"
                + "        stages { stage('image') { steps {\n"
                + "          multiArchBuild image: '" + image("matrix") + "', platform: \"linux/${PLATFORM}\",\n"
                + "                         builder: 'buildah', insecure: true\n"
                + "        } } }\n"
                + "      }\n"
                + "    }\n"
                + "    stage('publish') {\n"
                + "      steps { multiArchPublish image: '" + image("matrix") + "', tags: ['1.0'], insecure: true }\n"
                + "    }\n"
                + "  }\n"
                + "}\n");
        context(job, Set.of("amd64"), amd64);
        context(job, Set.of("arm64"), arm64);
        r.buildAndAssertSuccess(job);
        assertEquals(Set.of("linux/amd64", "linux/arm64"), indexPlatforms(image("matrix") + ":1.0"));
    }

    @Test
    void aPlatformWithoutAgentFailsNamingTheLabelBeforeAnythingIsBuilt() throws Exception {
        WorkflowJob job = job("no-agent", "node('source') {\n"
                + "  multiArchImage image: '" + image("no-agent") + "', tags: ['1.0'],\n"
                + "      platforms: ['linux/amd64', 'linux/s390x'], builder: 'buildah', insecure: true\n"
                + "}\n");
        context(job, Set.of("amd64"), source);
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);
        r.assertLogContains("linux/s390x: label s390x matches no agent with executors and no cloud", run);
        r.assertLogNotContains("[Pipeline] parallel", run);
        assertTrue(TagList.of(REGISTRY, "team/no-agent").none());
    }

    @Test
    void aFailingBranchFailsTheBuildAndPublishesNothing() throws Exception {
        WorkflowJob job = job("failing", "node('source') {\n"
                + "  multiArchImage image: '" + image("failing") + "', tags: ['1.0'],\n"
                + "      platforms: ['linux/amd64', 'linux/arm64'], builder: 'buildah', insecure: true\n"
                + "}\n");
        context(job, Set.of("amd64"), source); // no program for arm64: its COPY fails
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);
        r.assertLogNotContains("[Pipeline] multiArchPublish", run);
        assertFalse(TagList.of(REGISTRY, "team/failing").tags().contains("1.0"));
    }

    @Test
    void outsideNodeAJobFromScmChecksOutOnEachAgent() throws Exception {
        String jenkinsfile = "multiArchImage image: '" + image("from-scm") + "', tags: ['1.0'],\n"
                + "    platforms: ['linux/amd64', 'linux/arm64'], builder: 'buildah', insecure: true\n";
        WorkflowJob job = r.createProject(WorkflowJob.class, "from-scm");
        job.setDefinition(new CpsScmFlowDefinition(new SingleFileSCM("Jenkinsfile", jenkinsfile), "Jenkinsfile"));
        // the SCM brings only the Jenkinsfile; the rest of the context is already in the agents' workspaces
        context(job, Set.of("amd64"), amd64);
        context(job, Set.of("arm64"), arm64);
        WorkflowRun run = r.buildAndAssertSuccess(job);
        r.assertLogContains("[linux/amd64] Staging Jenkinsfile", run);
        r.assertLogContains("[linux/arm64] Staging Jenkinsfile", run);
        r.assertLogNotContains("[Pipeline] stash", run);
        assertEquals(Set.of("linux/amd64", "linux/arm64"), indexPlatforms(image("from-scm") + ":1.0"));
    }

    @Test
    void outsideNodeWithoutScmItSaysBothWaysToGiveTheContext() throws Exception {
        WorkflowJob job = job("no-context", "multiArchImage image: '" + image("no-context") + "', platforms: ['linux/amd64']\n");
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);
        r.assertLogContains("call it inside node { }", run);
        r.assertLogContains("checkout scm", run);
    }

    @Test
    void aSandboxedJenkinsfileCannotReachTheScriptTheGroovyClassHolds() throws Exception {
        for (String misuse : new String[] {"multiArchImage.script", "multiArchImage.@script", "multiArchImage.pipeline()"}) {
            WorkflowJob job = job("misuse-" + Math.abs(misuse.hashCode()),
                    "def held = " + misuse + "\necho 'reached the script'\n");
            WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);
            r.assertLogContains("RejectedAccessException", run);
            r.assertLogContains(PipelineScriptHolder.class.getName(), run);
            r.assertLogNotContains("reached the script", run);
        }
    }
}
