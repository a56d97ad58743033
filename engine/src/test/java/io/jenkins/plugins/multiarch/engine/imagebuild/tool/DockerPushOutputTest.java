package io.jenkins.plugins.multiarch.engine.imagebuild.tool;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DockerPushOutputTest {

    /** What docker 24-28 print when not on a terminal. */
    static final List<String> SAMPLE = List.of(
            "The push refers to repository [localhost:5000/team/app]",
            "a1b2c3d4e5f6: Preparing",
            "a1b2c3d4e5f6: Pushed",
            "arm64-1.0: digest: sha256:" + "0c".repeat(32) + " size: 735");

    @Test
    void findsTheLineForThePushedTag() throws Exception {
        assertThat(DockerPushOutput.digestFor("arm64-1.0", SAMPLE)).hasToString("sha256:" + "0c".repeat(32));
    }

    @Test
    void ignoresLinesForOtherTags() {
        assertThatThrownBy(() -> DockerPushOutput.digestFor("amd64-1.0", SAMPLE))
                .isInstanceOf(DigestReadException.class)
                .hasMessageContaining("docker push printed no line 'amd64-1.0: digest: sha256:... size: N'");
    }

    @Test
    void theLastMatchingLineWins() throws Exception {
        List<String> twice = List.of(
                "t: digest: sha256:" + "01".repeat(32) + " size: 1",
                "t: digest: sha256:" + "02".repeat(32) + " size: 2");

        assertThat(DockerPushOutput.digestFor("t", twice)).hasToString("sha256:" + "02".repeat(32));
    }
}
