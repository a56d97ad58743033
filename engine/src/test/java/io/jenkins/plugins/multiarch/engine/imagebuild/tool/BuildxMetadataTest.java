package io.jenkins.plugins.multiarch.engine.imagebuild.tool;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuildxMetadataTest {

    /** Shaped like the file buildx 0.12 writes for a pushed single-platform image. */
    static final String SAMPLE = """
            {
              "buildx.build.ref": "multi/multi0/p8kvyq2tr8ufqqeqt0ur2mjbc",
              "containerimage.config.digest": "sha256:%s",
              "containerimage.descriptor": {
                "mediaType": "application/vnd.oci.image.manifest.v1+json",
                "digest": "sha256:%s",
                "size": 481,
                "platform": {"architecture": "arm", "os": "linux", "variant": "v7"}
              },
              "containerimage.digest": "sha256:%s",
              "image.name": "registry.example.com:5000/team/app"
            }
            """.formatted("ff".repeat(32), "12".repeat(32), "12".repeat(32));

    @Test
    void readsContainerimageDigest() throws Exception {
        assertThat(BuildxMetadata.digest(Optional.of(SAMPLE), "/m")).hasToString("sha256:" + "12".repeat(32));
    }

    @Test
    void fallsBackToTheDescriptorDigest() throws Exception {
        String json = "{\"containerimage.descriptor\": {\"digest\": \"sha256:" + "34".repeat(32) + "\"}}";

        assertThat(BuildxMetadata.digest(Optional.of(json), "/m")).hasToString("sha256:" + "34".repeat(32));
    }

    @Test
    void metadataWithoutAnImageSaysThePushIsMissing() {
        assertThatThrownBy(() -> BuildxMetadata.digest(Optional.of("{\"buildx.build.ref\": \"x\"}"), "/ws/m.json"))
                .isInstanceOf(DigestReadException.class)
                .hasMessageContaining("/ws/m.json has no 'containerimage.digest'");
    }

    @Test
    void missingOrBrokenFilesAreClearErrors() {
        assertThatThrownBy(() -> BuildxMetadata.digest(Optional.empty(), "/ws/m.json"))
                .hasMessage("docker buildx build succeeded but wrote no metadata file at /ws/m.json");
        assertThatThrownBy(() -> BuildxMetadata.digest(Optional.of("{nope"), "/ws/m.json"))
                .hasMessageContaining("/ws/m.json is not JSON");
    }
}
