package io.jenkins.plugins.multiarch.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds programs the way a shell does: an absolute path as is, a bare name on the PATH. */
@FunctionalInterface
interface ProgramLookup {

    Optional<Path> find(String program);

    /** Looks on this process's PATH. */
    static ProgramLookup onPath() {
        return onPath(System.getenv("PATH"));
    }

    static ProgramLookup onPath(String path) {
        return program -> {
            if (program.contains("/")) {
                Path file = Path.of(program);
                return Files.isRegularFile(file) && Files.isExecutable(file) ? Optional.of(file) : Optional.empty();
            }
            if (path == null) {
                return Optional.empty();
            }
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        };
    }
}
