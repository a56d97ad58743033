package io.jenkins.plugins.multiarch.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.EnvVars;
import hudson.model.Result;
import io.jenkins.plugins.multiarch.actions.MultiArchBuildAction;
import io.jenkins.plugins.multiarch.actions.MultiArchProjectAction;
import io.jenkins.plugins.multiarch.actions.MultiArchPublishAction;
import io.jenkins.plugins.multiarch.model.PublishedPlatform;
import io.jenkins.plugins.multiarch.testkit.ElfFixtures;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.Skopeo;
import io.jenkins.plugins.multiarch.testkit.TagList;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The two steps in a running Jenkins: two agents labelled amd64 and arm64, a real registry with htpasswd (the
 * password in Jenkins' credentials is what makes the pushes work), buildah as the builder on the agents (vfs storage
 * of its own, through the agents' environment). Scripted parallel, Declarative matrix, explicit sources, a
 * verification failure that publishes nothing; the password in no log, build.xml or api/json.
 */
@WithJenkins
class MultiArchStepsJenkinsTest {

    private static final String USER = "ci";
    private static final String PASSWORD = "pw-" + Long.toHexString(new SecureRandom().nextLong());
    private static final String CREDENTIALS_ID = "registry-creds";

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.htpasswd(USER, PASSWORD);

    @TempDir
    Path temp;

    private JenkinsRule r;

    @BeforeEach
    void agentsAndCredentials(JenkinsRule rule) throws Exception {
        r = rule;
        SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, CREDENTIALS_ID, "registry login", USER, PASSWORD));
        SystemCredentialsProvider.getInstance().save();
        for (String arch : List.of("amd64", "arm64")) {
            Path conf = temp.resolve(arch + "-storage.conf");
            Files.writeString(conf, "[storage]\ndriver = \"vfs\"\ngraphroot = \"" + temp.resolve(arch + "/root")
                    + "\"\nrunroot = \"" + temp.resolve(arch + "/run") + "\"\n");
            EnvVars env = new EnvVars();
            env.put("CONTAINERS_STORAGE_CONF", conf.toString());
            r.createSlave(arch, arch, env);
        }
    }

    /** The Groovy that writes the build context: each platform's program, the other's when {@code swapped}. */
    private static String context(boolean swapped) {
        String amd = Base64.getEncoder().encodeToString(ElfFixtures.x86_64());
        String arm = Base64.getEncoder().encodeToString(ElfFixtures.aarch64());
        return "writeFile file: 'Containerfile', text: 'FROM scratch\\nARG TARGETARCH\\nCOPY hello-${TARGETARCH} /hello\\n"
                + "ENTRYPOINT [\"/hello\"]\\n'\n"
                + "writeFile file: 'hello-amd64', text: '" + (swapped ? arm : amd) + "', encoding: 'Base64'\n"
                + "writeFile file: 'hello-arm64', text: '" + (swapped ? amd : arm) + "', encoding: 'Base64'\n";
    }

    private WorkflowRun run(String name, String script, Result expected) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class, name);
        p.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun b = r.buildAndAssertStatus(expected, p);
        r.assertLogNotContains(PASSWORD, b);
        r.assertLogNotContains(Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)), b);
        assertThat(Files.readString(b.getRootDir().toPath().resolve("build.xml"))).doesNotContain(PASSWORD);
        return b;
    }

    private static String parallelBuilds(String image, boolean swapped, String extra) {
        return "def branches = [:]\n"
                + "for (a in ['amd64', 'arm64']) {\n"
                + "  def arch = a\n"
                + "  branches[arch] = {\n"
                + "    node(arch) {\n"
                + context(swapped)
                + "      def d = multiArchBuild image: '" + image + "', platform: \"linux/${arch}\", credentialsId: '"
                + CREDENTIALS_ID + "', builder: 'buildah'" + extra + "\n"
                + "      echo \"built ${arch} ${d}\"\n"
                + "    }\n"
                + "  }\n"
                + "}\n"
                + "parallel branches\n";
    }

    @Test
    void scriptedParallelBuildsEachPlatformOnItsAgentAndPublishesTheIndex() throws Exception {
        String image = registry.host() + "/team/app";
        WorkflowRun b = run("scripted", parallelBuilds(image, false, "")
                + "def index = multiArchPublish image: '" + image + "', tags: ['1.0', 'latest'], credentialsId: '"
                + CREDENTIALS_ID + "'\n"
                + "echo \"index ${index}\"\n", Result.SUCCESS);

        List<MultiArchBuildAction> builds = b.getActions(MultiArchBuildAction.class);
        assertThat(builds).extracting(MultiArchBuildAction::getPlatform, MultiArchBuildAction::getAgent)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("linux/amd64", "amd64"),
                        org.assertj.core.groups.Tuple.tuple("linux/arm64", "arm64"));
        MultiArchPublishAction published = b.getAction(MultiArchPublishAction.class);
        assertThat(published.getTagsWritten()).containsExactly("1.0", "latest");
        r.assertLogContains("index " + published.getIndexDigest(), b);
        r.assertLogContains("[linux/arm64] ", b);
        assertThat(published.getRecord().getPlatforms()).extracting(PublishedPlatform::getPlatform,
                PublishedPlatform::getAgent, PublishedPlatform::getVerifiedArchitecture).containsExactly(
                org.assertj.core.groups.Tuple.tuple("linux/amd64", "amd64", "x86-64"),
                org.assertj.core.groups.Tuple.tuple("linux/arm64", "arm64", "AArch64"));
        String index = Skopeo.rawManifest(image + ":1.0", registry.credentials());
        builds.forEach(build -> assertThat(index).contains(build.getDigest()));

        JSONObject json = r.getJSON(b.getUrl() + "api/json?tree=actions[platform,agent,digest,indexDigest,tagsWritten,"
                + "platforms[platform,agent,verifiedArchitecture]]").getJSONObject();
        assertThat(json.toString()).contains(published.getIndexDigest()).contains("AArch64").contains("\"agent\":\"arm64\"")
                .doesNotContain(PASSWORD);
        MultiArchProjectAction latest = b.getParent().getAction(MultiArchProjectAction.class);
        assertThat(latest.getPublished().getIndexDigest()).isEqualTo(published.getIndexDigest());
        r.createWebClient().getPage(b, published.getUrlName()); // the index's own page renders
        r.createWebClient().getPage(b); // and the build page with the summaries
    }

    @Test
    void declarativeMatrixBuildsTheCellsAndALaterStagePublishes() throws Exception {
        String image = registry.host() + "/team/matrix";
        WorkflowRun b = run("declarative", "pipeline {\n"
                + "  agent none\n"
                + "  environment {\n"
                + "    MULTIARCH_IMAGE = '" + image + "'\n"
                + "    MULTIARCH_CREDENTIALS_ID = '" + CREDENTIALS_ID + "'\n"
                + "  }\n"
                + "  stages {\n"
                + "    stage('build') {\n"
                + "      matrix {\n"
                + "        axes { axis { name 'ARCH'; values 'amd64', 'arm64' } }\n"
                + "        agent { label \"${ARCH}\" }\n"
                + "        stages { stage('image') { steps {\n"
                + context(false)
                + "          multiArchBuild platform: \"linux/${ARCH}\", builder: 'buildah'\n"
                + "        } } }\n"
                + "      }\n"
                + "    }\n"
                + "    stage('publish') { steps { multiArchPublish tags: ['2.0'] } }\n"
                + "  }\n"
                + "}\n", Result.SUCCESS);

        assertThat(b.getActions(MultiArchBuildAction.class)).hasSize(2);
        assertThat(b.getAction(MultiArchPublishAction.class).getRecord().getPlatforms()).hasSize(2);
        assertThat(TagList.of(registry, "team/matrix").tags()).contains("2.0");
    }

    @Test
    void explicitSourcesArePublishedAsGiven() throws Exception {
        String image = registry.host() + "/team/sources";
        WorkflowRun b = run("sources", parallelBuilds(image, false, ", tagTemplate: '{arch}-3.0'")
                + "multiArchPublish image: '" + image + ":3.0', credentialsId: '" + CREDENTIALS_ID + "', sources: [\n"
                + "  'linux/amd64': '" + image + ":amd64-3.0', 'linux/arm64': '" + image + ":arm64-3.0']\n",
                Result.SUCCESS);

        assertThat(b.getAction(MultiArchPublishAction.class).getRecord().getPlatforms())
                .extracting(PublishedPlatform::getSource)
                .containsExactly(image + ":amd64-3.0", image + ":arm64-3.0");
    }

    @Test
    void aPlatformThatFailsVerificationPublishesNothing() throws Exception {
        String image = registry.host() + "/team/wrong";
        WorkflowRun b = run("wrong", parallelBuilds(image, true, "")
                + "multiArchPublish image: '" + image + "', tags: ['1.0'], credentialsId: '" + CREDENTIALS_ID + "'\n",
                Result.FAILURE);

        r.assertLogContains("multiArchPublish: ", b);
        assertThat(b.getAction(MultiArchPublishAction.class)).isNull();
        assertThat(TagList.of(registry, "team/wrong").tags()).doesNotContain("1.0");
    }

    @Test
    void aMissingCredentialsIdIsNamed() throws Exception {
        WorkflowRun b = run("missing", "node('amd64') {\n" + context(false)
                + "  multiArchBuild image: '" + registry.host() + "/team/x', credentialsId: 'nope'\n}\n", Result.FAILURE);
        r.assertLogContains("credentialsId 'nope'", b);
    }
}
