package io.jenkins.plugins.multiarch.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.hasToString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.model.TaskListener;
import io.jenkins.plugins.multiarch.engine.imagebuild.BuildResult;
import io.jenkins.plugins.multiarch.engine.imagebuild.PlatformBuildResult;
import io.jenkins.plugins.multiarch.engine.publish.PublishResult;
import io.jenkins.plugins.multiarch.model.BuildArguments;
import io.jenkins.plugins.multiarch.model.BuildSpec;
import io.jenkins.plugins.multiarch.model.OtherRegistryLogin;
import io.jenkins.plugins.multiarch.model.PlatformBuildRecord;
import io.jenkins.plugins.multiarch.model.PublishArguments;
import io.jenkins.plugins.multiarch.model.PublishRecord;
import io.jenkins.plugins.multiarch.model.PublishSpec;
import io.jenkins.plugins.multiarch.model.RegistryChoice;
import io.jenkins.plugins.multiarch.model.SourceSelection;
import io.jenkins.plugins.multiarch.model.StepEnvironment;
import io.jenkins.plugins.multiarch.testkit.ElfFixtures;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.RequiredTool;
import io.jenkins.plugins.multiarch.testkit.Skopeo;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code the steps run on an agent, run here without Jenkins against real registries (htpasswd: the password is
 * what makes the push work) and real buildah: two platform builds as two agents would run them
 * ({@link BuildOnAgent#invoke} on a workspace, with the build's environment), then the publish over what they
 * recorded ({@link PublishJob} on the workspace), with the tags and annotations git gives (a tag build as multibranch
 * names it, git in the workspace for the commit and its time) and a further target on a second registry with its
 * own login ({@code alsoTo}, {@code registryCredentials}), read back with skopeo. The log has the platform prefixes
 * and never a password; the records kept on the run hold no trace of one; the scratch directories are gone.
 */
class AgentSideIntegrationTest {

    private static final String USER = "ci";
    private static final String PASSWORD = "pw-" + Long.toHexString(new SecureRandom().nextLong());

    private static final String MIRROR_USER = "mirror";
    private static final String MIRROR_PASSWORD = "pw-" + Long.toHexString(new SecureRandom().nextLong());
    /** The commit's time: the index's created annotation, whenever the test runs. */
    private static final String COMMIT_TIME = "2026-11-30T12:00:00Z";

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.htpasswd(USER, PASSWORD);

    @RegisterExtension
    static final RegistryExtension mirror = RegistryExtension.htpasswd(MIRROR_USER, MIRROR_PASSWORD);

    @TempDir
    Path temp;

    /** A TaskListener as an agent has it: a stream into the build log. */
    private record Listener(PrintStream logger) implements TaskListener {
        @Override
        public PrintStream getLogger() {
            return logger;
        }
    }

    @Test
    void buildTwoPlatformsOnTheirWorkspacesThenPublishWhatWasRecorded() throws Exception {
        RequiredTool.buildah();
        Path workspace = Files.createDirectories(temp.resolve("workspace"));
        Files.writeString(workspace.resolve("Containerfile"),
                "FROM scratch\nARG TARGETARCH\nCOPY hello-${TARGETARCH} /hello\nENTRYPOINT [\"/hello\"]\n");
        Files.write(workspace.resolve("hello-amd64"), ElfFixtures.x86_64());
        Files.write(workspace.resolve("hello-arm64"), ElfFixtures.aarch64());
        Path scratch = temp.resolve("workspace@tmp");
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("CONTAINERS_STORAGE_CONF", storageConf().toString());
        environment.put(StepEnvironment.IMAGE, registry.host() + "/team/app");
        String commit = gitCommit(workspace);
        environment.put("TAG_NAME", "v1.2.3"); // as multibranch sets it for a tag build
        environment.put("GIT_URL", "https://ci:token@git.example.com/team/app.git");
        RegistryLogin login = RegistryLogin.of(USER, PASSWORD);
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        Listener listener = new Listener(new PrintStream(logBytes, true, StandardCharsets.UTF_8));

        List<PlatformBuildRecord> records = new ArrayList<>();
        for (String platform : List.of("linux/amd64", "linux/arm64")) {
            BuildSpec spec = BuildSpec.resolve(new BuildArguments().platform(platform).credentialsId("registry-creds")
                    .builder("buildah"), environment, "auto", RegistryChoice.NONE);
            BuildResult built = new BuildOnAgent(spec, scratch.toString(), environment, listener, login)
                    .invoke(workspace.toFile(), null);
            assertThat(built.images(), hasSize(1));
            PlatformBuildResult image = built.images().get(0);
            assertThat(image.platform(), hasToString(platform));
            records.add(new PlatformBuildRecord(spec.target().reference().repositoryName(), platform,
                    image.digest().toString(), "agent-" + platform.substring(6), built.tool(), 0, 1));
        }

        String mirrorRepository = mirror.host() + "/mirror/app";
        PublishSpec publish = PublishSpec.resolve(new PublishArguments().tags(List.of("1.0"))
                .credentialsId("registry-creds").tagsFromGit(true).annotationsFromGit(true)
                .alsoTo(List.of(mirrorRepository))
                .registryCredentials(List.of(new OtherRegistryLogin(mirror.host(), "mirror-creds"))),
                environment, RegistryChoice.NONE, true, null, false);
        AgentLogins logins = new AgentLogins(registry.host(), login,
                Map.of(mirror.host(), RegistryLogin.of(MIRROR_USER, MIRROR_PASSWORD)));
        PublishResult result = new PublishJob(MultiArchPublishStep.FUNCTION, publish,
                SourceSelection.select(publish, records), environment, listener, logins).run(workspace);
        PublishRecord record = PublishRecord.of(result, records);

        String sha = "sha-" + commit.substring(0, 7);
        assertThat(record.getTagsWritten(), contains("1.0", "1.2.3", "1.2", "1", "latest", sha));
        assertThat(record.getAlsoTo().stream().map(t -> t.getRepository() + " " + t.getTags()).toList(),
                contains(mirrorRepository + " [1.0, 1.2.3, 1.2, 1, latest, " + sha + "]"));
        // one row per platform, in order: platform, agent, builder, verified architecture, passed
        assertEquals(List.of(
                        Arrays.<Object>asList("linux/amd64", "agent-amd64", "buildah", "x86-64", true),
                        Arrays.<Object>asList("linux/arm64", "agent-arm64", "buildah", "AArch64", true)),
                record.getPlatforms().stream().map(p -> Arrays.<Object>asList(p.getPlatform(), p.getAgent(),
                        p.getBuilder(), p.getVerifiedArchitecture(), p.isPassed())).toList());
        String index = Skopeo.rawManifest(registry.host() + "/team/app:latest", registry.credentials());
        for (PlatformBuildRecord built : records) {
            assertThat(index, containsString(built.getDigest()));
        }
        assertThat(index, allOf(containsString("\"org.opencontainers.image.revision\":\"" + commit + "\""),
                containsString("\"org.opencontainers.image.created\":\"" + COMMIT_TIME + "\""),
                containsString("\"org.opencontainers.image.version\":\"1.2.3\""),
                containsString("\"org.opencontainers.image.source\":\"https://git.example.com/team/app\"")));
        // the same index, byte for byte, in the other registry under every tag
        assertEquals(index, Skopeo.rawManifest(mirrorRepository + ":" + sha, mirror.credentials()));
        assertEquals(index, Skopeo.rawManifest(mirrorRepository + ":1.2", mirror.credentials()));

        String log = logBytes.toString(StandardCharsets.UTF_8);
        assertThat(log, allOf(containsString("[linux/amd64] "), containsString("[linux/arm64] ")));
        assertThat(log, containsString("git: GitState[tag v1.2.3"));
        assertThat(log, allOf(not(containsString(PASSWORD)),
                not(containsString(registry.credentials().base64UserColonPassword())),
                not(containsString(MIRROR_PASSWORD)), not(containsString("ci:token"))));
        assertThat(serialized(records), not(containsString(PASSWORD)));
        assertThat(serialized(record), allOf(not(containsString(PASSWORD)), not(containsString(MIRROR_PASSWORD))));
        assertThat(serialized(publish), allOf(not(containsString(PASSWORD)), not(containsString(MIRROR_PASSWORD))));
        try (Stream<Path> left = Files.exists(scratch) ? Files.list(scratch) : Stream.empty()) {
            assertEquals(List.of(), left.toList(), "build workspaces and auth files left in @tmp");
        }
    }

    /** The workspace made a git checkout with one commit at {@link #COMMIT_TIME}; returns the commit. */
    private static String gitCommit(Path workspace) throws Exception {
        git(workspace, "init", "-q");
        git(workspace, "add", "-A");
        git(workspace, "-c", "user.name=ci", "-c", "user.email=ci@example.com", "commit", "-q", "-m", "app");
        return git(workspace, "rev-parse", "HEAD").trim();
    }

    private static String git(Path dir, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("git", "-C", dir.toString()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().put("GIT_COMMITTER_DATE", COMMIT_TIME);
        pb.environment().put("GIT_AUTHOR_DATE", COMMIT_TIME);
        Process process = pb.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "git " + String.join(" ", args) + ": " + out);
        return out;
    }

    /** buildah's image store in a private directory, with the vfs driver (no overlay here). */
    private Path storageConf() throws Exception {
        Path conf = temp.resolve("storage.conf");
        Files.writeString(conf, "[storage]\ndriver = \"vfs\"\ngraphroot = \"" + temp.resolve("storage/root")
                + "\"\nrunroot = \"" + temp.resolve("storage/run") + "\"\n");
        return conf;
    }

    private static String serialized(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value instanceof List<?> list ? new ArrayList<>(list) : value);
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }
}
