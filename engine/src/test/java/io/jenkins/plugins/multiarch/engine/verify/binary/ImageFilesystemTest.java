package io.jenkins.plugins.multiarch.engine.verify.binary;

import io.jenkins.plugins.multiarch.testkit.TarLayer;
import io.jenkins.plugins.multiarch.testkit.LayerCompression;

import io.jenkins.plugins.multiarch.testkit.ElfFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ImageFilesystemTest {

    @Test
    void foundFileCarriesItsHeadModeSizeAndLayer() throws IOException {
        byte[] big = Arrays.copyOf(ElfFixtures.aarch64(), 10_000);
        TarLayer layer = TarLayer.builder().file("usr/bin/app", big, 0750).build();

        ImageFile file = found(filesystem(layer).open("/usr/bin/app"));

        assertThat(file.path()).isEqualTo("/usr/bin/app");
        assertThat(file.head()).hasSize(ImageFile.HEAD_BYTES).startsWith(Arrays.copyOf(big, 64));
        assertThat(file.mode() & 07777).isEqualTo(0750);
        assertThat(file.size()).isEqualTo(10_000);
        assertThat(file.layerIndex()).isZero();
        assertThat(file.layerDigest()).isEqualTo(layer.digest());
    }

    @Test
    void pathSearchReadsEachLayerOnce() throws IOException {
        TarLayer base = TarLayer.withFile("usr/bin/tool", ElfFixtures.aarch64());
        TarLayer middle = TarLayer.builder().text("etc/config", "x").build();
        TarLayer top = TarLayer.builder().text("app/readme", "x").build();
        List<String> candidates = new ImageRunConfig(null, List.of("tool"), null, null).searchPathFor("tool");

        ImageFile file = found(filesystem(base, middle, top).findExecutable(candidates));

        assertThat(file.path()).isEqualTo("/usr/bin/tool");
        assertThat(List.of(base.opens(), middle.opens(), top.opens())).containsExactly(1, 1, 1);
    }

    @Test
    void pathSearchSkipsCandidatesWhoseLinksLeadNowhere() throws IOException {
        TarLayer layer = TarLayer.builder()
                .symlink("usr/local/bin/tool", "/opt/missing/tool")
                .file("usr/bin/tool", ElfFixtures.aarch64())
                .build();

        ImageFile file = found(filesystem(layer).findExecutable(List.of("/usr/local/bin/tool", "/usr/bin/tool")));

        assertThat(file.path()).isEqualTo("/usr/bin/tool");
    }

    @Test
    void tooManyLinksStopAtTheLinuxLimit() throws IOException {
        TarLayer.Builder builder = TarLayer.builder();
        for (int i = 0; i < 45; i++) {
            builder.symlink("l" + i, "l" + (i + 1));
        }
        builder.file("l45", ElfFixtures.aarch64());
        TarLayer layer = builder.build();

        FileLookup lookup = filesystem(layer).open("/l0");

        assertThat(lookup).isInstanceOf(FileLookup.Missing.class);
        assertThat(((FileLookup.Missing) lookup).reason()).contains("too many levels of symbolic links (more than 40)");
        assertThat(found(filesystem(layer).open("/l6")).path()).isEqualTo("/l45");
    }

    @Test
    void hardlinkToAMissingTargetIsMissing() throws IOException {
        TarLayer layer = TarLayer.builder().hardlink("bin/sh", "bin/busybox").build();

        FileLookup lookup = filesystem(layer).open("/bin/sh");

        assertThat(((FileLookup.Missing) lookup).reason()).isEqualTo("/bin/sh -> /bin/busybox: /bin/busybox is not in any layer");
    }

    @Test
    void rootAndDirectoriesAreNotFiles() throws IOException {
        TarLayer layer = TarLayer.builder().dir("usr/bin").build();

        assertThat(((FileLookup.Missing) filesystem(layer).open("/")).reason()).isEqualTo("/ is a directory");
        assertThat(((FileLookup.Missing) filesystem(layer).open("/usr/bin")).reason()).isEqualTo("/usr/bin is a directory");
        assertThat(((FileLookup.Missing) filesystem(layer).open("/usr")).reason()).isEqualTo("/usr is a directory");
    }

    @Test
    void opaqueRootHidesEverythingOlder() throws IOException {
        TarLayer base = TarLayer.withFile("hello", ElfFixtures.aarch64());
        TarLayer top = TarLayer.builder().opaque("./").build();

        assertThat(filesystem(base, top).open("/hello")).isInstanceOf(FileLookup.Missing.class);
        assertThat(base.opens()).isZero();
    }

    @Test
    void corruptLayerNamesTheLayerAndWhatToDo() {
        byte[] gzipHeaderThenJunk = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5};
        LayerSource corrupt = LayerSource.of("sha256:0123456789abcdef0123", LayerCompression.GZIP.mediaType(),
                gzipHeaderThenJunk.length, () -> new ByteArrayInputStream(gzipHeaderThenJunk));

        assertThatThrownBy(() -> filesystem(corrupt).open("/hello"))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(ByteBudgetExceededException.class)
                .hasMessageStartingWith("Could not read layer 1 of 1 (sha256:0123456789ab…), media type "
                        + LayerCompression.GZIP.mediaType() + ":")
                .hasMessageEndingWith("pull the image to check it");
    }

    @Test
    void budgetStopIsThrownAsItsOwnException() {
        GeneratedLayer big = GeneratedLayer.builder().zeroFile("blob", 1 << 20).build();
        ImageFilesystem filesystem = new ImageFilesystem(List.of(big), new ByteBudget(100_000));

        assertThatThrownBy(() -> filesystem.open("/hello"))
                .isInstanceOfSatisfying(ByteBudgetExceededException.class, e -> {
                    assertThat(e.limit()).isEqualTo(100_000);
                    assertThat(e.used()).isGreaterThan(100_000);
                })
                .hasMessageContaining("raise the byte budget");
    }

    @Test
    void emptyImageHasNoFiles() throws IOException {
        FileLookup lookup = new ImageFilesystem(List.of(), ByteBudget.defaultBudget()).open("/hello");

        assertThat(((FileLookup.Missing) lookup).reason()).isEqualTo("/hello is not in any layer");
    }

    private static ImageFilesystem filesystem(LayerSource... layers) {
        return new ImageFilesystem(List.of(layers), ByteBudget.defaultBudget());
    }

    private static ImageFilesystem filesystem(TarLayer... layers) {
        return new ImageFilesystem(TarLayers.sources(layers), ByteBudget.defaultBudget());
    }

    private static ImageFile found(FileLookup lookup) {
        assertThat(lookup).isInstanceOf(FileLookup.Found.class);
        return ((FileLookup.Found) lookup).file();
    }
}
