package io.jenkins.plugins.multiarch.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import org.junit.jupiter.api.Test;

class MultiArchImageSourceTest {

    @Test
    void allowsExactlyThePluginsOwnGroovySource() {
        URL own = MultiArchImageSource.url();
        assertNotNull(own, "MultiArchImage.groovy is beside MultiArchImageSource in the plugin");
        assertTrue(own.toString().endsWith("/io/jenkins/plugins/multiarch/pipeline/MultiArchImage.groovy"), own.toString());
        assertTrue(MultiArchImageSource.isThis(own.toString()));
    }

    @Test
    void refusesOtherFilesEvenWithTheSameNameOrSuffix() {
        String own = MultiArchImageSource.url().toString();
        assertFalse(MultiArchImageSource.isThis("file:/tmp/evil/io/jenkins/plugins/multiarch/pipeline/MultiArchImage.groovy"));
        assertFalse(MultiArchImageSource.isThis("jar:file:/other.jar!/io/jenkins/plugins/multiarch/pipeline/MultiArchImage.groovy"));
        assertFalse(MultiArchImageSource.isThis(own.replace("MultiArchImage.groovy", "Other.groovy")));
        assertFalse(MultiArchImageSource.isThis(own + "x"));
        assertFalse(MultiArchImageSource.isThis(null));
    }
}
