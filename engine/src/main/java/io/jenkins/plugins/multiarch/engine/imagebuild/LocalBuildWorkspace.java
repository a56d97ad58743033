package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.imagebuild.tool.BuildWorkspace;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/** A {@link BuildWorkspace} in a local temporary directory (mode 0700). */
public final class LocalBuildWorkspace implements BuildWorkspace {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path directory;

    private LocalBuildWorkspace(Path directory) {
        this.directory = directory;
    }

    /** Every workspace a factory makes is named so; leftovers are looked for under this prefix only. */
    static final String PREFIX = "multiarch-";

    /**
     * A new private directory under {@code parent}, or under the system temp directory if it is null, marked with
     * this process (see {@link LeftoverWorkspaces}) so that a later run can sweep it if this one dies.
     */
    public static LocalBuildWorkspace create(Path parent, String prefix) throws IOException {
        Path dir = parent == null
                ? Files.createTempDirectory(prefix, privateDirectory())
                : Files.createTempDirectory(parent, prefix, privateDirectory());
        LeftoverWorkspaces.mark(dir);
        return new LocalBuildWorkspace(dir);
    }

    /** An existing workspace directory, to delete it. */
    static LocalBuildWorkspace at(Path directory) {
        return new LocalBuildWorkspace(directory);
    }

    /**
     * A factory making one workspace per platform under {@code parent} (null: the system temp directory). Before
     * its first workspace it deletes those that runs which died left there (made before this factory, by a process
     * that has ended).
     */
    public static BuildWorkspaceFactory factory(Path parent) {
        java.time.Instant runStart = java.time.Instant.now();
        java.util.concurrent.atomic.AtomicBoolean swept = new java.util.concurrent.atomic.AtomicBoolean();
        return build -> {
            if (swept.compareAndSet(false, true)) {
                LeftoverWorkspaces.sweep(parent != null ? parent : Path.of(System.getProperty("java.io.tmpdir")),
                        PREFIX, runStart);
            }
            return create(parent, PREFIX + build.platformSlug() + "-");
        };
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public void writePrivateFile(Path file, byte[] content) throws IOException {
        Path target = inside(file);
        Path parent = target.getParent();
        if (!Files.isDirectory(parent)) {
            createPrivateDirectories(parent);
        }
        // Created with its final mode: at no moment can another user open it.
        Files.createFile(target, privateFile());
        restrictIfNotPosix(target);
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(content);
        }
    }

    @Override
    public Optional<String> readText(Path file) throws IOException {
        try {
            return Optional.of(Files.readString(inside(file), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public void deleteFile(Path file) throws IOException {
        Files.deleteIfExists(inside(file));
    }

    @Override
    public void delete() throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Files.delete(f);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private Path inside(Path file) {
        Path resolved = directory.resolve(file).normalize();
        if (!resolved.startsWith(directory)) {
            throw new IllegalArgumentException("'" + file + "' is outside the build workspace " + directory);
        }
        return resolved;
    }

    private void createPrivateDirectories(Path dir) throws IOException {
        Path parent = dir.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            createPrivateDirectories(parent);
        }
        Files.createDirectory(dir, privateDirectory());
        restrictIfNotPosix(dir);
    }

    private static FileAttribute<?>[] privateDirectory() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : new FileAttribute<?>[0];
    }

    private static FileAttribute<?>[] privateFile() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    private static void restrictIfNotPosix(Path path) {
        if (!POSIX) {
            java.io.File f = path.toFile();
            f.setReadable(false, false);
            f.setReadable(true, true);
            f.setWritable(false, false);
            f.setWritable(true, true);
        }
    }

    @Override
    public String toString() {
        return directory.toString();
    }
}
