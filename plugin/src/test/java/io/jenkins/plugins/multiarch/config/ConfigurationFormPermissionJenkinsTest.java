package io.jenkins.plugins.multiarch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.ExtensionList;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The form checks and list boxes of the global settings answer only administrators: anyone else learns nothing,
 * neither credential IDs nor whether a value is valid. Needs a real Jenkins.
 */
@WithJenkins
class ConfigurationFormPermissionJenkinsTest {

    private static final String REGISTRY_URL = "https://registry.example.com";

    @BeforeEach
    void setUp(JenkinsRule r) throws Exception {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ).everywhere().to("reader"));
        SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, "registry-push", "push to registry.example.com", "ci", "s3cret-password"));
        SystemCredentialsProvider.getInstance().save();
    }

    @Test
    void aUserWhoMayNotConfigureJenkinsLearnsNothing(JenkinsRule r) {
        MultiArchGlobalConfiguration config = MultiArchGlobalConfiguration.get();
        PlatformLabel.DescriptorImpl rows = ExtensionList.lookupSingleton(PlatformLabel.DescriptorImpl.class);
        try (ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            assertEquals(FormValidation.Kind.OK, config.doCheckUrl("ftp://registry.example.com").kind);
            assertEquals(FormValidation.Kind.OK, config.doCheckBinaryBudget("lots").kind);
            assertEquals(FormValidation.Kind.OK, rows.doCheckPlatform("linux/sparc").kind);
            assertEquals(FormValidation.Kind.OK, rows.doCheckLabel("").kind);
            assertEquals(List.of(""), values(config.doFillCredentialsIdItems(REGISTRY_URL, "")));
            assertEquals(List.of(), values(config.doFillDefaultBuilderItems()));
        }
    }

    @Test
    void anAdministratorGetsTheChecksAndTheCredentials(JenkinsRule r) {
        MultiArchGlobalConfiguration config = MultiArchGlobalConfiguration.get();
        PlatformLabel.DescriptorImpl rows = ExtensionList.lookupSingleton(PlatformLabel.DescriptorImpl.class);
        try (ACLContext ignored = ACL.as2(User.getById("admin", true).impersonate2())) {
            assertEquals(FormValidation.Kind.ERROR, config.doCheckUrl("ftp://registry.example.com").kind);
            assertEquals(FormValidation.Kind.ERROR, config.doCheckBinaryBudget("lots").kind);
            assertEquals(FormValidation.Kind.ERROR, rows.doCheckPlatform("linux/sparc").kind);
            assertEquals(FormValidation.Kind.ERROR, rows.doCheckLabel("").kind);
            assertEquals(List.of("", "registry-push"), values(config.doFillCredentialsIdItems(REGISTRY_URL, "")));
            assertTrue(values(config.doFillDefaultBuilderItems()).containsAll(List.of("auto", "buildah", "kaniko")));
        }
    }

    private static List<String> values(ListBoxModel items) {
        return items.stream().map(option -> option.value).toList();
    }
}
