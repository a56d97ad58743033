package io.jenkins.plugins.multiarch.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.docker.commons.credentials.DockerRegistryEndpoint;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The snippet generator and the steps' forms: round trips, and who the checks and list boxes answer. */
@WithJenkins
class StepFormsJenkinsTest {

    @Test
    void snippetsRoundTrip(JenkinsRule r) throws Exception {
        SnippetizerTester st = new SnippetizerTester(r);
        MultiArchBuildStep build = new MultiArchBuildStep();
        build.setImage("registry.example.com/team/app");
        build.setPlatform("linux/arm64");
        build.setCredentialsId("registry-creds");
        build.setBuildArgs(Map.of("VERSION", "1.4.2"));
        st.assertRoundTrip(build, "multiArchBuild buildArgs: [VERSION: '1.4.2'], credentialsId: 'registry-creds', "
                + "image: 'registry.example.com/team/app', platform: 'linux/arm64'");
        MultiArchPublishStep publish = new MultiArchPublishStep();
        publish.setImage("registry.example.com/team/app");
        publish.setTags(List.of("1.4.2", "latest"));
        publish.setRegistry(new DockerRegistryEndpoint("https://registry.example.com", "registry-creds"));
        st.assertRoundTrip(publish, "multiArchPublish image: 'registry.example.com/team/app', "
                + "registry: [url: 'https://registry.example.com', credentialsId: 'registry-creds'], tags: ['1.4.2', 'latest']");
    }

    @Test
    void formsRoundTripTheirFields(JenkinsRule r) throws Exception {
        MultiArchBuildStep build = new MultiArchBuildStep();
        build.setImage("registry.example.com/team/app");
        build.setPlatform("linux/arm64");
        build.setBuilder("buildah");
        build.setFile("docker/Containerfile");
        build.setContext("app");
        build.setTarget("final");
        build.setTagTemplate("{arch}-{version}");
        build.setInsecure(true);
        r.assertEqualDataBoundBeans(build, new StepConfigTester(r).configRoundTrip(build));
        MultiArchPublishStep publish = new MultiArchPublishStep();
        publish.setImage("registry.example.com/team/app:1.0");
        publish.setFormat("docker");
        publish.setBinaryBudget("64M");
        publish.setDryRun(true);
        r.assertEqualDataBoundBeans(publish, new StepConfigTester(r).configRoundTrip(publish));
    }

    @Test
    void checksAndListBoxesAnswerOnlyThoseWhoMayConfigure(JenkinsRule r) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, "registry-creds", "", "ci", "secret"));
        WorkflowJob p = r.createProject(WorkflowJob.class, "p");
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                .grant(Jenkins.READ, Item.READ, Item.EXTENDED_READ).everywhere().to("configurer"));
        MultiArchBuildStep.DescriptorImpl descriptor = r.jenkins.getDescriptorByType(MultiArchBuildStep.DescriptorImpl.class);

        try (ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            ListBoxModel items = descriptor.doFillCredentialsIdItems(p, "registry.example.com/app", "");
            assertThat(items).extracting(o -> o.value).doesNotContain("registry-creds");
            assertThat(descriptor.doCheckImage(p, "Not/An Image").kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(descriptor.doFillBuilderItems(p)).isEmpty();
        }
        try (ACLContext ignored = ACL.as2(User.getById("configurer", true).impersonate2())) {
            ListBoxModel items = descriptor.doFillCredentialsIdItems(p, "registry.example.com/app", "");
            assertThat(items).extracting(o -> o.value).contains("registry-creds");
            assertThat(descriptor.doCheckImage(p, "Not/An Image").kind).isEqualTo(FormValidation.Kind.ERROR);
            // without an item, only administrators
            assertThat(descriptor.doFillCredentialsIdItems(null, "", "")).extracting(o -> o.value)
                    .doesNotContain("registry-creds");
        }
        try (ACLContext ignored = ACL.as2(User.getById("admin", true).impersonate2())) {
            assertThat(descriptor.doFillCredentialsIdItems(null, "", "")).extracting(o -> o.value).contains("registry-creds");
        }
    }
}
