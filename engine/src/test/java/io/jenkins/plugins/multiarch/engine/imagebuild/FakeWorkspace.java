package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.imagebuild.tool.BuildWorkspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** An in-memory workspace at a fixed path, so command lines in tests are exact. */
public final class FakeWorkspace implements BuildWorkspace {

    private final Path directory;
    private final Map<Path, byte[]> files = new LinkedHashMap<>();
    private final Map<Path, Boolean> privateFiles = new LinkedHashMap<>();
    private boolean deleted;

    public FakeWorkspace(String directory) {
        this.directory = Path.of(directory);
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public synchronized void writePrivateFile(Path file, byte[] content) {
        files.put(directory.resolve(file), content.clone());
        privateFiles.put(directory.resolve(file), true);
    }

    /** What a tool would have written. */
    public synchronized void put(Path file, String content) {
        files.put(directory.resolve(file), content.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized Optional<String> readText(Path file) {
        return Optional.ofNullable(files.get(directory.resolve(file))).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void deleteFile(Path file) {
        files.remove(directory.resolve(file));
    }

    @Override
    public synchronized void delete() {
        files.clear();
        deleted = true;
    }

    public synchronized boolean deleted() {
        return deleted;
    }

    public synchronized boolean isPrivate(Path file) {
        return privateFiles.getOrDefault(directory.resolve(file), false);
    }
}
