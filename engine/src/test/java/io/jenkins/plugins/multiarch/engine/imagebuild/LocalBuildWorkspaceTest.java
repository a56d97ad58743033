package io.jenkins.plugins.multiarch.engine.imagebuild;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalBuildWorkspaceTest {

    @TempDir
    Path parent;

    @Test
    void directoryAndPrivateFilesAreOwnerOnly() throws Exception {
        LocalBuildWorkspace ws = LocalBuildWorkspace.create(parent, "t-");

        ws.writePrivateFile(Path.of("auth/config.json"), "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ws.directory()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ws.directory().resolve("auth"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ws.directory().resolve("auth/config.json"))))
                .isEqualTo("rw-------");
        assertThat(ws.readText(ws.directory().resolve("auth/config.json"))).contains("{}");
    }

    @Test
    void readingAMissingFileIsEmptyAndDeleteRemovesEverything() throws Exception {
        LocalBuildWorkspace ws = LocalBuildWorkspace.create(parent, "t-");
        ws.writePrivateFile(Path.of("a/b/c"), new byte[] {1});

        assertThat(ws.readText(Path.of("digest"))).isEmpty();
        ws.delete();

        assertThat(ws.directory()).doesNotExist();
        assertThat(parent).isEmptyDirectory();
    }

    @Test
    void filesOutsideTheWorkspaceAreRefused() throws Exception {
        LocalBuildWorkspace ws = LocalBuildWorkspace.create(parent, "t-");

        assertThatThrownBy(() -> ws.writePrivateFile(Path.of("../escape"), new byte[0]))
                .hasMessageContaining("is outside the build workspace");
    }

    @Test
    void anExistingFileIsNotOverwritten() throws Exception {
        // A file someone else planted could have looser permissions; creating fails instead of reusing it.
        LocalBuildWorkspace ws = LocalBuildWorkspace.create(parent, "t-");
        ws.writePrivateFile(Path.of("f"), new byte[] {1});

        assertThatThrownBy(() -> ws.writePrivateFile(Path.of("f"), new byte[] {2}))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    }
}
