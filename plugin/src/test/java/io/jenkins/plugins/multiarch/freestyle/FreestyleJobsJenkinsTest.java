package io.jenkins.plugins.multiarch.freestyle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.EnvVars;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.model.labels.LabelAtom;
import hudson.util.FormValidation;
import io.jenkins.plugins.multiarch.actions.MultiArchBuildAction;
import io.jenkins.plugins.multiarch.actions.MultiArchPublishAction;
import io.jenkins.plugins.multiarch.steps.RegistryCredential;
import io.jenkins.plugins.multiarch.testkit.ElfFixtures;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.Skopeo;
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
 * The freestyle build step and publisher in a running Jenkins: agents labelled amd64 and arm64, a real htpasswd registry, buildah on the agents.
 */
@WithJenkins
class FreestyleJobsJenkinsTest {

    private static final String USER = "ci";
    private static final String PASSWORD = "pw-" + Long.toHexString(new SecureRandom().nextLong());
    static final String CREDENTIALS_ID = "registry-creds";

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.htpasswd(USER, PASSWORD);

    @TempDir
    Path temp;

    private JenkinsRule r;

    @BeforeEach
    void agentsAndCredentials(JenkinsRule rule) throws Exception {
        r = rule;
        agentsAndCredentials(rule, temp, USER, PASSWORD);
    }

    /** Agents labelled amd64 and arm64, each with buildah storage of its own, and the registry login as credentials. */
    static void agentsAndCredentials(JenkinsRule r, Path temp, String user, String password) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, CREDENTIALS_ID, "registry login", user, password));
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
    static final class WriteContext extends TestBuilder {
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

    static MultiArchBuildBuilder buildStep(String image, String platform) {
        MultiArchBuildBuilder step = new MultiArchBuildBuilder(image);
        step.setPlatform(platform);
        step.setCredentialsId(CREDENTIALS_ID);
        step.setBuilder("buildah");
        return step;
    }

    static MultiArchPublisher publisher(String image) {
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
        MultiArchPublisher options = publisher("registry.example.com/team/app");
        options.setTagsFromGit(true);
        options.setAnnotationsFromGit(true);
        options.setAlsoTo("ghcr.io/team/app docker.io/team/app:stable");
        options.setAttestations(false);
        options.setRegistryCredentials(List.of(new RegistryCredential("ghcr.io", "ghcr-push")));
        r.assertEqualDataBoundBeans(options, r.configRoundtrip(options));
        assertTrue(publisher("registry.example.com/team/app").isAttestations(), "attestations are kept by default");
    }

    @Test
    void theFurtherTargetsAreCheckedInTheForm() throws Exception {
        FreeStyleProject p = r.createFreeStyleProject("form");
        MultiArchPublisher.DescriptorImpl descriptor = r.jenkins.getDescriptorByType(MultiArchPublisher.DescriptorImpl.class);
        assertEquals(FormValidation.Kind.OK,
                descriptor.doCheckAlsoTo(p, "registry.example.com/team/app", "ghcr.io/team/app, docker.io/team/app:2").kind);
        FormValidation noRegistry = descriptor.doCheckAlsoTo(p, "registry.example.com/team/app", "team/app");
        assertEquals(FormValidation.Kind.ERROR, noRegistry.kind);
        assertTrue(noRegistry.getMessage().contains("names no registry"), noRegistry.getMessage());
        assertEquals(FormValidation.Kind.ERROR,
                descriptor.doCheckAlsoTo(p, "registry.example.com/team/app", "registry.example.com/team/app:x").kind);
    }
}
