package io.jenkins.plugins.multiarch.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real program for another architecture: a hello world built with the Go toolchain, which cross-compiles without
 * a C toolchain ({@code CGO_ENABLED=0}). About two seconds with a cold build cache.
 */
public final class GoProgram {

    private static final String SOURCE = "package main\n\nfunc main() { println(\"hello\") }\n";

    private GoProgram() {
    }

    /** @param goarch e.g. {@code arm64}; GOOS is linux */
    public static byte[] helloWorld(String goarch) {
        Path go = RequiredTool.locate("go", "golang-go");
        Path dir = Directories.createTemp("rig-go-");
        try {
            Files.writeString(dir.resolve("main.go"), SOURCE);
            Path output = dir.resolve("hello");
            ExternalCommand.run(List.of("env", "GOOS=linux", "GOARCH=" + goarch, "CGO_ENABLED=0", "GO111MODULE=off",
                    "GOCACHE=" + dir.resolve("cache"), "GOPATH=" + dir.resolve("gopath"), "HOME=" + dir,
                    go.toString(), "build", "-trimpath", "-o", output.toString(), dir.resolve("main.go").toString()),
                    Duration.ofMinutes(3));
            return Files.readAllBytes(output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build a Go program for " + goarch, e);
        } finally {
            Directories.deleteRecursively(dir);
        }
    }
}
