package io.jenkins.plugins.multiarch.config;

import static io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot;
import static io.jenkins.plugins.casc.misc.Util.toStringFromYamlFile;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import java.util.List;
import org.jenkinsci.plugins.docker.commons.credentials.DockerRegistryEndpoint;
import org.junit.jupiter.api.Test;

/** Configuration as Code: {@code unclassified: multiArchImage:} is read, and exported as read. Needs a real Jenkins. */
@WithJenkinsConfiguredWithCode
class MultiArchGlobalConfigurationCascJenkinsTest {

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void readsTheYaml(JenkinsConfiguredWithCodeRule r) {
        MultiArchGlobalConfiguration config = MultiArchGlobalConfiguration.get();
        assertEquals(new DockerRegistryEndpoint("https://registry.example.com", "registry-push"), config.getRegistry());
        assertEquals("buildah", config.getDefaultBuilder());
        assertEquals(List.of(new PlatformLabel("linux/amd64", "amd64"), new PlatformLabel("linux/arm64", "arm64")),
                config.getPlatformLabels());
        assertFalse(config.isBinaryCheck());
        assertEquals("64MiB", config.getBinaryBudget());
        assertTrue(config.isAllBinaries());
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void exportsWhatItRead(JenkinsConfiguredWithCodeRule r) throws Exception {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode exported = getUnclassifiedRoot(context).get("multiArchImage");

        assertEquals(toStringFromYamlFile(this, "configuration-as-code-expected.yml"), toYamlString(exported));
    }
}
