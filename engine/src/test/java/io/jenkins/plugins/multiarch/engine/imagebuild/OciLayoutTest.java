package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.oci.Descriptor;
import io.jenkins.plugins.multiarch.engine.oci.MediaTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OciLayoutTest {

    @TempDir
    Path dir;

    @Test
    void findsTheOneImageAndReadsItsManifest() throws Exception {
        LayoutFixture fixture = LayoutFixture.oci(dir, "a", 2);

        OciLayout layout = OciLayout.open(dir);
        Descriptor manifest = layout.onlyImageManifest();

        assertThat(manifest.digest()).isEqualTo(fixture.manifest);
        assertThat(manifest.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
        assertThat(layout.readBlob(manifest)).isEqualTo(fixture.manifestBytes);
        assertThat(layout.blobPath(fixture.config)).isEqualTo(dir.resolve("blobs/sha256/" + fixture.config.hex()));
    }

    @Test
    void aMissingDirectoryOrIndexIsNamed() throws Exception {
        assertThatThrownBy(() -> OciLayout.open(dir.resolve("nope")))
                .isInstanceOf(InvalidLayoutException.class)
                .hasMessage("OCI layout " + dir.resolve("nope") + " does not exist or is not a directory");

        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\": \"1.0.0\"}");
        assertThatThrownBy(() -> OciLayout.open(dir))
                .isInstanceOf(InvalidLayoutException.class)
                .hasMessage("OCI layout " + dir + " has no index.json; is it an OCI image layout (e.g. written by"
                        + " buildah push IMAGE oci:" + dir + ")?");
    }

    @Test
    void anUnknownLayoutVersionIsRefused() throws Exception {
        LayoutFixture.oci(dir, "a", 1);
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\": \"2.0.0\"}");

        assertThatThrownBy(() -> OciLayout.open(dir))
                .hasMessage("OCI layout " + dir + ": oci-layout says imageLayoutVersion '2.0.0'; expected 1.0.0");
    }

    @Test
    void exactlyOneImageManifestIsExpected() throws Exception {
        LayoutFixture a = LayoutFixture.oci(dir, "a", 1);
        String entry = "{\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"digest\":\"" + a.manifest + "\",\"size\":"
                + a.manifestBytes.length + "}";

        LayoutFixture.writeIndex(dir, entry, entry);
        assertThatThrownBy(() -> OciLayout.open(dir).onlyImageManifest())
                .hasMessage("OCI layout " + dir + " lists 2 manifests in index.json; expected exactly one image"
                        + " (write each image to its own layout)");

        LayoutFixture.writeIndex(dir);
        assertThatThrownBy(() -> OciLayout.open(dir).onlyImageManifest()).hasMessageContaining("lists 0 manifests");

        LayoutFixture.writeIndex(dir, entry.replace(MediaTypes.OCI_MANIFEST, MediaTypes.OCI_INDEX));
        assertThatThrownBy(() -> OciLayout.open(dir).onlyImageManifest())
                .hasMessageStartingWith("OCI layout " + dir + " holds a " + MediaTypes.OCI_INDEX + "; expected one image manifest");
    }

    @Test
    void aBlobOfTheWrongSizeOrContentIsCorruptAndAMissingOneIncomplete() throws Exception {
        LayoutFixture fixture = LayoutFixture.oci(dir, "a", 1);
        OciLayout layout = OciLayout.open(dir);
        Descriptor manifest = layout.onlyImageManifest();
        Path file = fixture.blobFile(fixture.manifest);

        Files.write(file, new byte[] {'{', '}'});
        assertThatThrownBy(() -> layout.readBlob(manifest))
                .hasMessage("OCI layout blob " + file + " has 2 bytes but its descriptor says " + fixture.manifestBytes.length
                        + "; the layout is corrupt, write it again");

        byte[] flipped = fixture.manifestBytes.clone();
        flipped[flipped.length - 2] ^= 1;
        Files.write(file, flipped);
        assertThatThrownBy(() -> layout.readBlob(manifest))
                .hasMessage("OCI layout blob " + file + " does not hash to " + fixture.manifest
                        + "; the layout is corrupt, write it again");

        Files.delete(file);
        assertThatThrownBy(() -> layout.openBlob(manifest))
                .isInstanceOf(InvalidLayoutException.class)
                .hasMessage("OCI layout " + dir + " has no blob " + fixture.manifest + " (expected at " + file
                        + "); the layout is incomplete");
    }

    @Test
    void anIndexEntryWithABadDigestIsNamed() throws Exception {
        LayoutFixture.oci(dir, "a", 1);
        LayoutFixture.writeIndex(dir, "{\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"digest\":\"sha256:xyz\",\"size\":3}");

        assertThatThrownBy(() -> OciLayout.open(dir))
                .isInstanceOf(InvalidLayoutException.class)
                .hasMessageStartingWith("OCI layout " + dir + ": index.json has an entry with invalid sha256 digest 'sha256:xyz'");
    }
}
