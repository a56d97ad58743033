package io.jenkins.plugins.multiarch.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramLookupTest {

    @Test
    void findsExecutablesOnThePathOnly(@TempDir Path dir) throws Exception {
        Path tool = Files.createFile(dir.resolve("tool"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path text = Files.createFile(dir.resolve("text"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        ProgramLookup path = ProgramLookup.onPath("/nonexistent::" + dir);

        assertThat(path.find("tool")).contains(tool);
        assertThat(path.find("text")).isEmpty();
        assertThat(path.find("no-such-program-here")).isEmpty();
        assertThat(path.find(tool.toString())).contains(tool);
        assertThat(path.find(text.toString())).isEmpty();
        assertThat(ProgramLookup.onPath(null).find("tool")).isEmpty();
        assertThat(ProgramLookup.none().find(tool.toString())).isEmpty();
    }
}
