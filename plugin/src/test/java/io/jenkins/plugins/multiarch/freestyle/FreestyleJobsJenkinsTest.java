package io.jenkins.plugins.multiarch.freestyle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.EnvVars;
import hudson.Launcher;
import hudson.matrix.AxisList;
import hudson.matrix.MatrixBuild;
import hudson.matrix.MatrixProject;
import hudson.matrix.MatrixRun;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.model.labels.LabelAtom;
import io.jenkins.plugins.multiarch.actions.MultiArchBuildAction;
import io.jenkins.plugins.multiarch.actions.MultiArchPublishAction;
import io.jenkins.plugins.multiarch.model.PublishedPlatform;
import io.jenkins.plugins.multiarch.testkit.ElfFixtures;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.Skopeo;
import io.jenkins.plugins.multiarch.testkit.TagList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The freestyle build step and publisher, and a multi-configuration project over a platform axis, in a running
 * Jenkins: agents labelled amd64 and arm64, a real htpasswd registry, buildah on the agents.
 */
@WithJenkins
class FreestyleJobsJenkinsTest {

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

    /** Writes the build context into the workspace: a Containerfile copying the program of TARGETARCH. */
    private static final class WriteContext extends TestBuilder {
        private final boolean withContainerfile;

        WriteContext(boolean withContainerfile) {
            this.withContainerfile = withContainerfile;
        }

        @Override
        public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener) throws java.io.IOException,
                InterruptedException {
            String arch = build.getEnvironment(listener).get("TARGETARCH", "");
            if (withContainerfile || !"arm64".equals(arch)) {
                build.getWorkspace().child("Containerfile").write("FROM scratch\nARG TARGETARCH\n"
                        + "COPY hello-${TARGETARCH} /hello\nENTRYPOINT [\"/hello\"]\n", "UTF-8");
            }
            build.getWorkspace().child("hello-amd64").copyFrom(new java.io.ByteArrayInputStream(ElfFixtures.x86_64()));
            build.getWorkspace().child("hello-arm64").copyFrom(new java.io.ByteArrayInputStream(ElfFixtures.aarch64()));
            return true;
        }
    }

    private MultiArchBuildBuilder buildStep(String image, String platform) {
        MultiArchBuildBuilder step = new MultiArchBuildBuilder(image);
        step.setPlatform(platform);
        step.setCredentialsId(CREDENTIALS_ID);
        step.setBuilder("buildah");
        return step;
    }

    private MultiArchPublisher publisher(String image) {
        MultiArchPublisher publisher = new MultiArchPublisher(image);
        publisher.setTags("latest");
        publisher.setCredentialsId(CREDENTIALS_ID);
        return publisher;
    }

    @Test
    void aFreestyleJobBuildsOnItsAgentAndPublishesWhatItRecorded() throws Exception {
        String image = registry.host() + "/team/freestyle";
        FreeStyleProject p = r.createFreeStyleProject("freestyle");
        p.setAssignedLabel(new LabelAtom("arm64"));
        p.getBuildersList().add(new WriteContext(true));
        p.getBuildersList().add(buildStep(image, "linux/arm64"));
        p.getPublishersList().add(publisher(image + ":1.0"));

        FreeStyleBuild b = r.buildAndAssertSuccess(p);
        r.assertLogNotContains(PASSWORD, b);
        assertFalse(Files.readString(b.getRootDir().toPath().resolve("build.xml")).contains(PASSWORD), "build.xml holds the password");
        MultiArchBuildAction built = b.getAction(MultiArchBuildAction.class);
        assertEquals("arm64", built.getAgent());
        MultiArchPublishAction published = b.getAction(MultiArchPublishAction.class);
        assertEquals(List.of("1.0", "latest"), List.copyOf(published.getTagsWritten()));
        assertTrue(Skopeo.rawManifest(image + ":1.0", registry.credentials()).contains(built.getDigest()));
    }

    @Test
    void theFormsRoundTrip() throws Exception {
        MultiArchBuildBuilder step = buildStep("registry.example.com/team/app", "linux/arm/v7");
        step.setBuildArgs("VERSION=1.4.2");
        r.assertEqualDataBoundBeans(step, r.configRoundtrip(step));
        MultiArchPublisher publisher = publisher("registry.example.com/team/app:1.4.2");
        publisher.setSourceTagTemplate("{arch}-{version}");
        publisher.setPlatforms("amd64 arm64");
        publisher.setVersion("1.4.2");
        r.assertEqualDataBoundBeans(publisher, r.configRoundtrip(publisher));
    }

    private MatrixProject matrix(String name, String image, boolean armHasContainerfile) throws Exception {
        MatrixProject p = r.createProject(MatrixProject.class, name);
        p.setAxes(new AxisList(new PlatformAxis("PLATFORM", "amd64\narm64")));
        p.getBuildersList().add(new WriteContext(armHasContainerfile));
        p.getBuildersList().add(buildStep(image, null)); // the platform comes from the axis
        p.getPublishersList().add(publisher(image + ":2.0"));
        return p;
    }

    @Test
    void aMultiConfigurationProjectBuildsEachCellOnItsAgentAndPublishesOnce() throws Exception {
        String image = registry.host() + "/team/cells";
        MatrixBuild b = r.buildAndAssertSuccess(matrix("cells", image, true));

        assertEquals(2, b.getExactRuns().size());
        for (MatrixRun cell : b.getExactRuns()) {
            MultiArchBuildAction built = cell.getAction(MultiArchBuildAction.class);
            assertEquals("linux/" + cell.getBuildVariables().get("PLATFORM"), built.getPlatform());
            assertEquals(cell.getBuildVariables().get("PLATFORM"), built.getAgent());
            assertNull(cell.getAction(MultiArchPublishAction.class)); // cells do not publish
        }
        MultiArchPublishAction published = b.getAction(MultiArchPublishAction.class);
        assertEquals(List.of("linux/amd64", "linux/arm64"),
                published.getRecord().getPlatforms().stream().map(PublishedPlatform::getPlatform).toList());
        assertTrue(TagList.of(registry, "team/cells").tags().containsAll(List.of("2.0", "latest")));
        r.assertLogNotContains(PASSWORD, b);
    }

    @Test
    void aFailingCellPublishesNothing() throws Exception {
        String image = registry.host() + "/team/failing-cell";
        MatrixBuild b = r.buildAndAssertStatus(Result.FAILURE, matrix("failing", image, false));

        r.assertLogContains("not publishing", b);
        assertNull(b.getAction(MultiArchPublishAction.class));
        List<String> tags = TagList.of(registry, "team/failing-cell").tags();
        assertFalse(tags.contains("2.0") || tags.contains("latest"), tags.toString());
    }
}
