package io.jenkins.plugins.multiarch.engine.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds programs the way a shell does: an absolute path as is, a bare name on the PATH. */
@FunctionalInterface
public interface ProgramLookup {

    Optional<Path> find(String program);

    /** Finds nothing: a host that runs no programs. */
    static ProgramLookup none() {
        return program -> Optional.empty();
    }

    /** Looks in the directories of {@code path} (a PATH value, {@code :}-separated); null finds only absolute paths. */
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
