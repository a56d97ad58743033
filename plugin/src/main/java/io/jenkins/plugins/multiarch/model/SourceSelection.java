package io.jenkins.plugins.multiarch.model;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.publish.PlatformSource;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which images a {@code multiArchPublish} puts into its index: the {@code sources} given, or the images this run's
 * {@code multiArchBuild}s recorded for the same repository; in both cases only the {@code platforms} asked for.
 */
public final class SourceSelection {

    private SourceSelection() {
    }

    /**
     * @param builds this run's build records, oldest first (a platform built twice counts with its latest build)
     * @throws InvalidInputException when nothing is there to publish, or a platform asked for is missing
     */
    public static List<PlatformSource> select(PublishSpec spec, List<PlatformBuildRecord> builds) {
        String repository = spec.target().reference().repositoryName();
        Map<Platform, PlatformSource> available = new LinkedHashMap<>();
        if (!spec.explicitSources().isEmpty()) {
            spec.explicitSources().forEach(source -> available.put(source.platform(), source));
        } else {
            for (PlatformBuildRecord build : builds) {
                if (build.getImage().equals(repository)) {
                    Platform platform = Platform.parse(build.getPlatform());
                    available.remove(platform); // keeps the order of the latest builds
                    available.put(platform, new PlatformSource(platform, ImageReference.parse(build.getReference())));
                }
            }
            if (available.isEmpty()) {
                Set<String> others = builds.stream().map(PlatformBuildRecord::getImage)
                        .collect(Collectors.toCollection(LinkedHashSet::new));
                throw new InvalidInputException(others.isEmpty()
                        ? Messages.SourceSelection_NoBuilds(PublishSpec.STEP, repository)
                        : Messages.SourceSelection_NoBuildsOf(PublishSpec.STEP, repository, String.join(", ", others)));
            }
        }
        if (spec.platforms().isEmpty()) {
            return new ArrayList<>(available.values());
        }
        List<PlatformSource> selected = new ArrayList<>();
        for (Platform platform : spec.platforms()) {
            PlatformSource source = available.get(platform);
            if (source == null) {
                throw new InvalidInputException(Messages.SourceSelection_MissingPlatform(PublishSpec.STEP, platform,
                        repository, available.keySet().stream().map(Platform::toString).collect(Collectors.joining(", "))));
            }
            selected.add(source);
        }
        return selected;
    }
}
