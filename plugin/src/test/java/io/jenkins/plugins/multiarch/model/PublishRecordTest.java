package io.jenkins.plugins.multiarch.model;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.publish.PlatformResult;
import io.jenkins.plugins.multiarch.engine.publish.PublishResult;
import io.jenkins.plugins.multiarch.engine.publish.TargetResult;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import io.jenkins.plugins.multiarch.engine.verify.CheckResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublishRecordTest {

    private static final String IMAGE = "registry.example.com/team/app";
    private static final Digest AMD = Digest.parse("sha256:" + "a".repeat(64));
    private static final Digest ARM = Digest.parse("sha256:" + "b".repeat(64));
    private static final Digest INDEX = Digest.parse("sha256:" + "c".repeat(64));

    private static PublishResult result() {
        PlatformResult amd = new PlatformResult(Platform.LINUX_AMD64, ImageReference.parse(IMAGE + "@" + AMD), AMD,
                "application/vnd.oci.image.manifest.v1+json", 400, 1000, List.of(
                        CheckResult.passed("config", "image config says linux/amd64", Map.of()),
                        CheckResult.passed("binary", "/hello is x86-64", Map.of("summary", "/hello x86-64 ✓",
                                "detectedArchitecture", "x86-64"))));
        PlatformResult arm = new PlatformResult(Platform.LINUX_ARM64, ImageReference.parse(IMAGE + ":arm64"), ARM,
                "application/vnd.oci.image.manifest.v1+json", 400, 1000, List.of(
                        CheckResult.passed("config", "image config says linux/arm64", Map.of())));
        return new PublishResult("registry.example.com/team/app", INDEX, "application/vnd.oci.image.index.v1+json", 700,
                List.of("1.0"), List.of("latest"), List.of(amd, arm), false, Map.of());
    }

    @Test
    void eachRowHasItsBuildsAgentAndBuilderAndWhatTheChecksFound() {
        List<PlatformBuildRecord> builds = List.of(
                new PlatformBuildRecord(IMAGE, "linux/amd64", AMD.toString(), "amd64-agent", "buildah", 5, 6),
                // same platform, another digest: not the image published
                new PlatformBuildRecord(IMAGE, "linux/arm64", "sha256:" + "d".repeat(64), "arm64-agent", "podman", 5, 6));

        PublishRecord record = PublishRecord.of(result(), builds);

        assertEquals(IMAGE + "@" + INDEX, record.getReference());
        assertEquals("application/vnd.oci.image.index.v1+json", record.getMediaType());
        assertThat(record.getTags(), contains("1.0", "latest"));
        assertThat(record.getPlatforms(), contains(
                new PublishedPlatform("linux/amd64", AMD.toString(), IMAGE + "@" + AMD, "amd64-agent", "buildah",
                        "x86-64", "/hello x86-64 ✓", true),
                new PublishedPlatform("linux/arm64", ARM.toString(), IMAGE + ":arm64", PublishedPlatform.UNKNOWN,
                        PublishedPlatform.UNKNOWN, PublishedPlatform.UNKNOWN, "config ✓", true)));
    }

    @Test
    void recordsSurviveJavaSerializationUnchanged() throws Exception {
        PublishRecord record = PublishRecord.of(result(), List.of());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(record);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(record, in.readObject());
        }
    }

    @Test
    void eachFurtherTargetIsRecordedWithItsTagsAndSurvivesSerialization() throws Exception {
        PublishResult base = result();
        PublishResult result = new PublishResult(base.repository(), base.indexDigest(), base.mediaType(),
                base.indexSize(), base.tagsWritten(), base.tagsUnchanged(), base.platforms(), false, Map.of(), List.of(
                        new TargetResult("ghcr.io/team/app", List.of("1.0"), List.of("latest")),
                        new TargetResult("docker.io/team/app", List.of(), List.of("stable"))));
        PublishRecord record = PublishRecord.of(result, List.of());
        assertThat(record.getAlsoTo(), contains(new PublishedTarget("ghcr.io/team/app", List.of("1.0"), List.of("latest")),
                new PublishedTarget("docker.io/team/app", List.of(), List.of("stable"))));
        assertThat(record.getAlsoTo().get(0).getTags(), contains("1.0", "latest"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(record);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(record, in.readObject());
        }
        // a record without further targets (also one kept before they existed) has none
        assertThat(PublishRecord.of(result(), List.of()).getAlsoTo(), empty());
    }

    @Test
    void buildRecordsShowTheirDurationAndReference() {
        PlatformBuildRecord record = new PlatformBuildRecord(IMAGE, "linux/arm64", ARM.toString(), "arm64", "buildah",
                1_000, 185_400);
        assertEquals("3 min 5 s", record.getDurationText());
        assertEquals("1 s", new PlatformBuildRecord(IMAGE, "linux/arm64", ARM.toString(), "arm64", "buildah", 0, 900)
                .getDurationText());
        assertEquals(IMAGE + "@" + ARM, record.getReference());
    }
}
