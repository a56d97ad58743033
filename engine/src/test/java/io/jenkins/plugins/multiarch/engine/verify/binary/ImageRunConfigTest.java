package io.jenkins.plugins.multiarch.engine.verify.binary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ImageRunConfigTest {

    @Test
    void programIsEntrypointThenCmd() {
        assertThat(new ImageRunConfig(List.of("/e"), List.of("/c"), null, null).program()).isEqualTo("/e");
        assertThat(new ImageRunConfig(null, List.of("/c", "x"), null, null).program()).isEqualTo("/c");
        assertThat(new ImageRunConfig(List.of(), List.of("/c"), null, null).program()).isEqualTo("/c");
        assertThat(new ImageRunConfig(List.of(""), List.of("/c"), null, null).program()).isEqualTo("/c");
        assertThat(new ImageRunConfig(null, null, null, null).program()).isNull();
    }

    @Test
    void searchPathUsesTheImagePathAndWorkingDirectory() {
        ImageRunConfig config = new ImageRunConfig(null, List.of("app"), "/srv/",
                List.of("HOME=/root", "PATH=/opt/bin::bin:/opt/bin"));

        assertThat(config.workingDirectory()).isEqualTo("/srv");
        assertThat(config.searchPathFor("app")).containsExactly("/opt/bin/app", "/srv/app", "/srv/bin/app");
    }

    @Test
    void defaultPathWhenTheImageSetsNone() {
        ImageRunConfig config = new ImageRunConfig(null, List.of("app"), null, List.of("HOME=/root"));

        assertThat(config.path()).isEqualTo(ImageRunConfig.DEFAULT_PATH);
        assertThat(config.workingDirectory()).isEqualTo("/");
        assertThat(config.searchPathFor("sh")).containsExactly("/usr/local/sbin/sh", "/usr/local/bin/sh",
                "/usr/sbin/sh", "/usr/bin/sh", "/sbin/sh", "/bin/sh");
    }
}
