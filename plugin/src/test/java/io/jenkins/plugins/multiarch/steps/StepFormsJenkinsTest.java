package io.jenkins.plugins.multiarch.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import groovy.lang.Binding;
import groovy.lang.GroovyObjectSupport;
import groovy.lang.GroovyShell;
import groovy.util.DelegatingScript;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.jenkinsci.plugins.docker.commons.credentials.DockerRegistryEndpoint;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.kohsuke.stapler.DataBoundConstructor;

/** The snippet generator and the steps' forms: round trips, and who the checks and list boxes answer. */
@WithJenkins
class StepFormsJenkinsTest {

    @Test
    void snippetsRoundTrip(JenkinsRule r) throws Exception {
        StepRoundTrip st = new StepRoundTrip(r);
        MultiArchBuildStep build = new MultiArchBuildStep();
        build.setImage("registry.example.com/team/app");
        build.setPlatform("linux/arm64");
        build.setCredentialsId("registry-creds");
        build.setBuildArgs(Map.of("VERSION", "1.4.2"));
        st.assertSnippet(build, "multiArchBuild buildArgs: [VERSION: '1.4.2'], credentialsId: 'registry-creds', "
                + "image: 'registry.example.com/team/app', platform: 'linux/arm64'");
        MultiArchPublishStep publish = new MultiArchPublishStep();
        publish.setImage("registry.example.com/team/app");
        publish.setTags(List.of("1.4.2", "latest"));
        publish.setRegistry(new DockerRegistryEndpoint("https://registry.example.com", "registry-creds"));
        st.assertSnippet(publish, "multiArchPublish image: 'registry.example.com/team/app', "
                + "registry: [url: 'https://registry.example.com', credentialsId: 'registry-creds'], tags: ['1.4.2', 'latest']");
        MultiArchPublishStep options = new MultiArchPublishStep();
        options.setImage("registry.example.com/team/app");
        options.setTagsFromGit(true);
        options.setAnnotationsFromGit(true);
        options.setAlsoTo(List.of("ghcr.io/team/app", "docker.io/team/app:stable"));
        options.setAttestations(false);
        options.setRegistryCredentials(List.of(new RegistryCredential("ghcr.io", "ghcr-push")));
        st.assertSnippet(options, "multiArchPublish alsoTo: ['ghcr.io/team/app', 'docker.io/team/app:stable'], "
                + "annotationsFromGit: true, attestations: false, image: 'registry.example.com/team/app', "
                + "registryCredentials: [[registry: 'ghcr.io', credentialsId: 'ghcr-push']], tagsFromGit: true");
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
        r.assertEqualDataBoundBeans(build, new StepRoundTrip(r).formRoundTrip(build));
        MultiArchPublishStep publish = new MultiArchPublishStep();
        publish.setImage("registry.example.com/team/app:1.0");
        publish.setFormat("docker");
        publish.setBinaryBudget("64M");
        publish.setDryRun(true);
        r.assertEqualDataBoundBeans(publish, new StepRoundTrip(r).formRoundTrip(publish));
        MultiArchPublishStep options = new MultiArchPublishStep();
        options.setImage("registry.example.com/team/app");
        options.setTagsFromGit(true);
        options.setAnnotationsFromGit(true);
        options.setAttestations(false);
        options.setRegistryCredentials(List.of(new RegistryCredential("ghcr.io", "ghcr-push"),
                new RegistryCredential("docker.io", "hub-push")));
        r.assertEqualDataBoundBeans(options, new StepRoundTrip(r).formRoundTrip(options));
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
            assertThat(values(items), not(hasItem("registry-creds")));
            assertEquals(FormValidation.Kind.OK, descriptor.doCheckImage(p, "Not/An Image").kind);
            assertThat(descriptor.doFillBuilderItems(p), empty());
        }
        try (ACLContext ignored = ACL.as2(User.getById("configurer", true).impersonate2())) {
            ListBoxModel items = descriptor.doFillCredentialsIdItems(p, "registry.example.com/app", "");
            assertThat(values(items), hasItem("registry-creds"));
            assertEquals(FormValidation.Kind.ERROR, descriptor.doCheckImage(p, "Not/An Image").kind);
            // without an item, only administrators
            assertThat(values(descriptor.doFillCredentialsIdItems(null, "", "")), not(hasItem("registry-creds")));
        }
        try (ACLContext ignored = ACL.as2(User.getById("admin", true).impersonate2())) {
            assertThat(values(descriptor.doFillCredentialsIdItems(null, "", "")), hasItem("registry-creds"));
        }

        // the login of another registry: the same rules
        RegistryCredential.DescriptorImpl other = r.jenkins.getDescriptorByType(RegistryCredential.DescriptorImpl.class);
        try (ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            assertThat(values(other.doFillCredentialsIdItems(p, "ghcr.io", "")), not(hasItem("registry-creds")));
            assertEquals(FormValidation.Kind.OK, other.doCheckRegistry(p, "https://ghcr.io").kind);
        }
        try (ACLContext ignored = ACL.as2(User.getById("configurer", true).impersonate2())) {
            assertThat(values(other.doFillCredentialsIdItems(p, "ghcr.io", "")), hasItem("registry-creds"));
            assertEquals(FormValidation.Kind.ERROR, other.doCheckRegistry(p, "https://ghcr.io").kind);
            assertEquals(FormValidation.Kind.OK, other.doCheckRegistry(p, "ghcr.io").kind);
        }
    }

    private static List<String> values(ListBoxModel items) {
        return items.stream().map(option -> option.value).toList();
    }

    /**
     * A step's two round trips, written over APIs of the plugins' main code (the testers that ship in the workflow
     * plugins' test jars do the same): the snippet generator's text for the step, run as Pipeline Groovy, makes an
     * equal step; the step's form, shown in a job's configuration page and submitted unchanged, binds back to it.
     */
    static final class StepRoundTrip {

        private final JenkinsRule r;

        StepRoundTrip(JenkinsRule r) {
            this.r = r;
        }

        /** The snippet generator writes {@code expected} for the step, and that snippet makes an equal step. */
        void assertSnippet(Step step, String expected) throws Exception {
            String snippet = Snippetizer.object2Groovy(step);
            assertEquals(expected, snippet);
            r.assertEqualDataBoundBeans(step, parse(snippet));
        }

        /** The step a one-call snippet makes, as Pipeline makes it: the call's named arguments into the step. */
        private Step parse(String snippet) {
            CompilerConfiguration compiler = new CompilerConfiguration();
            compiler.setScriptBaseClass(DelegatingScript.class.getName());
            GroovyShell shell = new GroovyShell(r.jenkins.getPluginManager().uberClassLoader, new Binding(), compiler);
            DelegatingScript script = (DelegatingScript) shell.parse(snippet);
            script.setDelegate(new StepCalls());
            return assertInstanceOf(Step.class, script.run(), "what the snippet made");
        }

        /** The step after its form was shown in a freestyle job's configuration page and submitted unchanged. */
        @SuppressWarnings("unchecked")
        <S extends Step> S formRoundTrip(S before) throws Exception {
            StepHolder after = r.configRoundtrip(new StepHolder(before));
            assertNotNull(after, "the job's configuration lost the step holder");
            return (S) assertInstanceOf(before.getClass(), after.getStep(), "the step bound back from the form");
        }
    }

    /** What the snippet's calls go to: a step call makes the step from its named arguments instead of running it. */
    private static final class StepCalls extends GroovyObjectSupport {
        @Override
        public Object invokeMethod(String name, Object args) {
            StepDescriptor descriptor = StepDescriptor.byFunctionName(name);
            assertNotNull(descriptor, "the snippet calls " + name + ", which is no step");
            Object[] arguments = (Object[]) args;
            assertEquals(1, arguments.length, "a step call with named arguments only");
            @SuppressWarnings("unchecked")
            Map<String, Object> named = assertInstanceOf(Map.class, arguments[0], "the named arguments");
            // as Pipeline's DSL makes a step whose descriptor keeps the default newInstance: by the step's model
            return DescribableModel.of(descriptor.clazz).instantiate(named, null);
        }
    }

    /**
     * A freestyle build step that holds a Pipeline step, so that the step's form shows in a job's configuration
     * page (a Pipeline job has its steps in the script, not in forms). Its view lists our steps only.
     */
    public static final class StepHolder extends Builder {

        private final Step step;

        @DataBoundConstructor
        public StepHolder(Step step) {
            this.step = step;
        }

        public Step getStep() {
            return step;
        }

        @TestExtension("formsRoundTripTheirFields")
        public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {

            @Override
            @SuppressWarnings("rawtypes")
            public boolean isApplicable(Class<? extends AbstractProject> jobType) {
                return true;
            }

            @Override
            public String getDisplayName() {
                return "Pipeline step (test holder)";
            }

            /** The steps the holder's dropdown offers: this plugin's. */
            public List<StepDescriptor> getMultiArchSteps() {
                return StepDescriptor.all().stream()
                        .filter(d -> d.clazz.getName().startsWith("io.jenkins.plugins.multiarch.")).toList();
            }
        }
    }
}
