package io.jenkins.plugins.multiarch.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
import java.util.Arrays;
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

    private static final String MIRROR_PASSWORD = "pw-" + Long.toHexString(new SecureRandom().nextLong());

    /** A second registry with its own login, for alsoTo and registryCredentials. */
    @RegisterExtension
    static final RegistryExtension mirror = RegistryExtension.htpasswd("mirror", MIRROR_PASSWORD);

    @TempDir
    Path temp;

    private JenkinsRule r;

    @BeforeEach
    void agentsAndCredentials(JenkinsRule rule) throws Exception {
        r = rule;
        SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, CREDENTIALS_ID, "registry login", USER, PASSWORD));
        SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, "mirror-creds", "mirror login", "mirror", MIRROR_PASSWORD));
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
        assertThat(Files.readString(b.getRootDir().toPath().resolve("build.xml")), not(containsString(PASSWORD)));
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
        // (platform, agent) of each build, in any order: the parallel branches finish in either
        assertThat(builds.stream().map(a -> Arrays.asList(a.getPlatform(), a.getAgent())).toList(), containsInAnyOrder(
                Arrays.asList("linux/amd64", "amd64"), Arrays.asList("linux/arm64", "arm64")));
        MultiArchPublishAction published = b.getAction(MultiArchPublishAction.class);
        assertThat(published.getTagsWritten(), contains("1.0", "latest"));
        r.assertLogContains("index " + published.getIndexDigest(), b);
        r.assertLogContains("[linux/arm64] ", b);
        // (platform, agent, verified architecture) of each row, in the index's order
        assertEquals(List.of(Arrays.asList("linux/amd64", "amd64", "x86-64"), Arrays.asList("linux/arm64", "arm64", "AArch64")),
                published.getRecord().getPlatforms().stream().map(p -> Arrays.asList(p.getPlatform(), p.getAgent(),
                        p.getVerifiedArchitecture())).toList());
        String index = Skopeo.rawManifest(image + ":1.0", registry.credentials());
        builds.forEach(build -> assertThat(index, containsString(build.getDigest())));

        JSONObject json = r.getJSON(b.getUrl() + "api/json?tree=actions[platform,agent,digest,indexDigest,tagsWritten,"
                + "platforms[platform,agent,verifiedArchitecture]]").getJSONObject();
        assertThat(json.toString(), allOf(containsString(published.getIndexDigest()), containsString("AArch64"),
                containsString("\"agent\":\"arm64\""), not(containsString(PASSWORD))));
        MultiArchProjectAction latest = b.getParent().getAction(MultiArchProjectAction.class);
        assertEquals(published.getIndexDigest(), latest.getPublished().getIndexDigest());
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

        assertThat(b.getActions(MultiArchBuildAction.class), hasSize(2));
        assertThat(b.getAction(MultiArchPublishAction.class).getRecord().getPlatforms(), hasSize(2));
        assertThat(TagList.of(registry, "team/matrix").tags(), hasItem("2.0"));
    }

    @Test
    void tagsFromGitAndAFurtherTargetOnAnotherRegistryWithItsOwnLogin() throws Exception {
        String image = registry.host() + "/team/git";
        String further = mirror.host() + "/mirror/git";
        WorkflowRun b = run("git", parallelBuilds(image, false, "")
                + "node('amd64') {\n"
                + "  withEnv(['BRANCH_NAME=feature/login', 'GIT_COMMIT=0123abcd0123abcd0123abcd0123abcd0123abcd']) {\n"
                + "    multiArchPublish image: '" + image + "', credentialsId: '" + CREDENTIALS_ID + "', tagsFromGit: true,\n"
                + "      alsoTo: ['" + further + "'],\n"
                + "      registryCredentials: [[registry: '" + mirror.host() + "', credentialsId: 'mirror-creds']]\n"
                + "  }\n"
                + "}\n", Result.SUCCESS);

        r.assertLogContains("git: GitState[branch feature/login", b);
        r.assertLogNotContains(MIRROR_PASSWORD, b);
        MultiArchPublishAction published = b.getAction(MultiArchPublishAction.class);
        assertThat(published.getTagsWritten(), hasItem("sha-0123abc"));
        assertThat(published.getAlsoTo(), hasSize(1));
        assertEquals(further, published.getAlsoTo().get(0).getRepository());
        assertEquals(published.getTags(), published.getAlsoTo().get(0).getTags());
        assertEquals(Skopeo.rawManifest(image + ":sha-0123abc", registry.credentials()),
                Skopeo.rawManifest(further + ":sha-0123abc", mirror.credentials()));
        assertThat(Files.readString(b.getRootDir().toPath().resolve("build.xml")), not(containsString(MIRROR_PASSWORD)));
        JSONObject json = r.getJSON(b.getUrl() + "api/json?tree=actions[alsoTo[repository,tagsWritten]]").getJSONObject();
        assertThat(json.toString(), allOf(containsString(further), containsString("sha-0123abc"),
                not(containsString(MIRROR_PASSWORD))));
        r.createWebClient().getPage(b, published.getUrlName()); // the page with the further target renders
    }

    @Test
    void aBadAlsoToTargetFailsBeforeAnythingIsWritten() throws Exception {
        String image = registry.host() + "/team/badtarget";
        WorkflowRun b = run("badtarget", "multiArchPublish image: '" + image + ":1.0', alsoTo: ['team/app'], sources: ["
                + "'linux/amd64': '" + image + "@sha256:" + "a".repeat(64) + "']\n", Result.FAILURE);
        r.assertLogContains("alsoTo 'team/app' names no registry", b);
        assertNull(b.getAction(MultiArchPublishAction.class));
    }

    @Test
    void explicitSourcesArePublishedAsGiven() throws Exception {
        String image = registry.host() + "/team/sources";
        WorkflowRun b = run("sources", parallelBuilds(image, false, ", tagTemplate: '{arch}-3.0'")
                + "multiArchPublish image: '" + image + ":3.0', credentialsId: '" + CREDENTIALS_ID + "', sources: [\n"
                + "  'linux/amd64': '" + image + ":amd64-3.0', 'linux/arm64': '" + image + ":arm64-3.0']\n",
                Result.SUCCESS);

        assertThat(b.getAction(MultiArchPublishAction.class).getRecord().getPlatforms().stream()
                .map(PublishedPlatform::getSource).toList(), contains(image + ":amd64-3.0", image + ":arm64-3.0"));
    }

    @Test
    void aPlatformThatFailsVerificationPublishesNothing() throws Exception {
        String image = registry.host() + "/team/wrong";
        WorkflowRun b = run("wrong", parallelBuilds(image, true, "")
                + "multiArchPublish image: '" + image + "', tags: ['1.0'], credentialsId: '" + CREDENTIALS_ID + "'\n",
                Result.FAILURE);

        r.assertLogContains("multiArchPublish: ", b);
        assertNull(b.getAction(MultiArchPublishAction.class));
        assertThat(TagList.of(registry, "team/wrong").tags(), not(hasItem("1.0")));
    }

    @Test
    void aMissingCredentialsIdIsNamed() throws Exception {
        WorkflowRun b = run("missing", "node('amd64') {\n" + context(false)
                + "  multiArchBuild image: '" + registry.host() + "/team/x', credentialsId: 'nope'\n}\n", Result.FAILURE);
        r.assertLogContains("credentialsId 'nope'", b);
    }
}
