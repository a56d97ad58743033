package io.jenkins.plugins.multiarch.engine.imagebuild.tool;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DigestFileTest {

    private static final String HEX = "3f".repeat(32);

    @Test
    void acceptsTheBareDigestWithOrWithoutNewline() throws Exception {
        assertThat(DigestFile.parse(Optional.of("sha256:" + HEX), "buildah push", "/d")).hasToString("sha256:" + HEX);
        assertThat(DigestFile.parse(Optional.of("sha256:" + HEX + "\n"), "kaniko", "/d")).hasToString("sha256:" + HEX);
    }

    @Test
    void rejectsGarbageNamingToolFileAndExpectedForm() {
        assertThatThrownBy(() -> DigestFile.parse(Optional.of("sha256:xyz"), "kaniko", "/ws/digest"))
                .isInstanceOf(DigestReadException.class)
                .hasMessage("kaniko wrote 'sha256:xyz' to its digest file /ws/digest; expected sha256:<64 hex characters>");
    }

    @Test
    void rejectsAnEmptyFile() {
        assertThatThrownBy(() -> DigestFile.parse(Optional.of(""), "podman push", "/ws/digest"))
                .hasMessageContaining("podman push wrote ''");
    }
}
