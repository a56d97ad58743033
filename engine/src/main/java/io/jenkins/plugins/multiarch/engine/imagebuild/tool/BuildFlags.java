package io.jenkins.plugins.multiarch.engine.imagebuild.tool;

import io.jenkins.plugins.multiarch.engine.imagebuild.tool.PlatformBuild;

import java.util.List;

/** The Dockerfile, stage, build-arg and label flags most builders spell alike. */
final class BuildFlags {

    private BuildFlags() {
    }

    /** {@code -f F --target T --build-arg K=V ... --label K=V ...}, with {@code fileFlag} for the Dockerfile. */
    static void add(List<String> argv, PlatformBuild build, String fileFlag) {
        build.dockerfile().ifPresent(f -> {
            argv.add(fileFlag);
            argv.add(f.toString());
        });
        build.targetStage().ifPresent(stage -> {
            argv.add("--target");
            argv.add(stage);
        });
        build.buildArgs().forEach((k, v) -> {
            argv.add("--build-arg");
            argv.add(k + "=" + v);
        });
        build.labels().forEach((k, v) -> {
            argv.add("--label");
            argv.add(k + "=" + v);
        });
    }
}
