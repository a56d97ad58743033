package io.jenkins.plugins.multiarch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import java.util.List;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlForm;
import org.jenkinsci.plugins.docker.commons.credentials.DockerRegistryEndpoint;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Manage Jenkins → System: the settings survive the form and a reload from disk. Needs a real Jenkins. */
@WithJenkins
class MultiArchGlobalConfigurationJenkinsTest {

    private static final DockerRegistryEndpoint REGISTRY =
            new DockerRegistryEndpoint("https://registry.example.com", "registry-push");
    private static final List<PlatformLabel> LABELS = List.of(
            new PlatformLabel("linux/amd64", "amd64"), new PlatformLabel("linux/arm64", "linux && arm64"));

    @Test
    void startsWithTheDefaults(JenkinsRule r) {
        MultiArchGlobalConfiguration config = MultiArchGlobalConfiguration.get();
        assertNull(config.getRegistry());
        assertEquals("auto", config.getDefaultBuilder());
        assertEquals(List.of(), config.getPlatformLabels());
        assertTrue(config.isBinaryCheck());
        assertEquals("512MiB", config.getBinaryBudget());
        assertFalse(config.isAllBinaries());
    }

    @Test
    void keepsEverySettingThroughTheFormAndOnDisk(JenkinsRule r) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, "registry-push", "push to registry.example.com", "ci", "s3cret-password"));
        SystemCredentialsProvider.getInstance().save();
        MultiArchGlobalConfiguration config = MultiArchGlobalConfiguration.get();
        config.setRegistry(REGISTRY);
        config.setDefaultBuilder("podman");
        config.setPlatformLabels(LABELS);
        config.setBinaryCheck(false);
        config.setBinaryBudget("64MiB");
        config.setAllBinaries(true);

        r.configRoundtrip();

        assertConfiguredAsSet(config);
        assertConfiguredAsSet(new MultiArchGlobalConfiguration()); // a fresh instance load()s what was saved
    }

    @Test
    void keepsNoRegistryWhenBothFieldsAreEmpty(JenkinsRule r) throws Exception {
        r.configRoundtrip();

        assertNull(MultiArchGlobalConfiguration.get().getRegistry());
    }

    @Test
    void deletingTheLastPlatformRowEmptiesTheMap(JenkinsRule r) throws Exception {
        MultiArchGlobalConfiguration config = MultiArchGlobalConfiguration.get();
        config.setPlatformLabels(List.of(new PlatformLabel("linux/arm64", "arm64")));
        HtmlForm form = r.createWebClient().goTo("configure").getFormByName("config");
        for (DomNode row : form.querySelectorAll(".repeated-chunk[name='platformLabels']")) {
            row.remove();
        }

        r.submit(form);

        assertEquals(List.of(), config.getPlatformLabels());
    }

    private static void assertConfiguredAsSet(MultiArchGlobalConfiguration config) {
        assertEquals(REGISTRY, config.getRegistry());
        assertEquals("podman", config.getDefaultBuilder());
        assertEquals(LABELS, config.getPlatformLabels());
        assertFalse(config.isBinaryCheck());
        assertEquals("64MiB", config.getBinaryBudget());
        assertTrue(config.isAllBinaries());
    }
}
