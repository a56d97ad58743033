package io.jenkins.plugins.multiarch.freestyle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.matrix.AxisList;
import hudson.matrix.MatrixBuild;
import hudson.matrix.MatrixProject;
import hudson.matrix.MatrixRun;
import hudson.model.Result;
import io.jenkins.plugins.multiarch.actions.MultiArchBuildAction;
import io.jenkins.plugins.multiarch.actions.MultiArchPublishAction;
import io.jenkins.plugins.multiarch.model.PublishedPlatform;
import io.jenkins.plugins.multiarch.testkit.RegistryExtension;
import io.jenkins.plugins.multiarch.testkit.TagList;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A multi-configuration project over the platform axis in a running Jenkins: each cell builds its platform on the
 * agent labelled with the axis value, and the parent publishes one index once every cell passed.
 */
@WithJenkins
class MatrixJobsJenkinsTest {

    private static final String USER = "ci";
    private static final String PASSWORD = "pw-" + Long.toHexString(new SecureRandom().nextLong());

    @RegisterExtension
    static final RegistryExtension registry = RegistryExtension.htpasswd(USER, PASSWORD);

    @TempDir
    Path temp;

    private JenkinsRule r;

    @BeforeEach
    void agentsAndCredentials(JenkinsRule rule) throws Exception {
        r = rule;
        FreestyleJobsJenkinsTest.agentsAndCredentials(rule, temp, USER, PASSWORD);
    }

    private MatrixProject matrix(String name, String image, boolean armHasContainerfile) throws Exception {
        MatrixProject p = r.createProject(MatrixProject.class, name);
        p.setAxes(new AxisList(new PlatformAxis("PLATFORM", "amd64\narm64")));
        p.getBuildersList().add(new FreestyleJobsJenkinsTest.WriteContext(armHasContainerfile));
        p.getBuildersList().add(FreestyleJobsJenkinsTest.buildStep(image, null)); // the platform comes from the axis
        p.getPublishersList().add(FreestyleJobsJenkinsTest.publisher(image + ":2.0"));
        return p;
    }

    @Test
    void eachCellBuildsOnItsAgentAndTheParentPublishesOnce() throws Exception {
        String image = registry.host() + "/team/cells";
        MatrixBuild b = r.buildAndAssertSuccess(matrix("cells", image, true));

        assertEquals(2, b.getExactRuns().size());
        for (MatrixRun cell : b.getExactRuns()) {
            MultiArchBuildAction built = cell.getAction(MultiArchBuildAction.class);
            String value = cell.getBuildVariables().get("PLATFORM");
            assertEquals("linux/" + value, built.getPlatform());
            assertEquals(value, built.getAgent());
            assertNull(cell.getAction(MultiArchPublishAction.class)); // cells do not publish
        }
        MultiArchPublishAction published = b.getAction(MultiArchPublishAction.class);
        assertEquals(List.of("linux/amd64", "linux/arm64"),
                published.getRecord().getPlatforms().stream().map(PublishedPlatform::getPlatform).toList());
        assertTrue(TagList.of(registry, "team/cells").tags().containsAll(List.of("2.0", "latest")));
        r.assertLogNotContains(PASSWORD, b);
    }

    @Test
    void aFailingCellPublishesNothing() throws Exception {
        String image = registry.host() + "/team/failing-cell";
        MatrixBuild b = r.buildAndAssertStatus(Result.FAILURE, matrix("failing", image, false));

        r.assertLogContains("not publishing", b);
        assertNull(b.getAction(MultiArchPublishAction.class));
        List<String> tags = TagList.of(registry, "team/failing-cell").tags();
        assertFalse(tags.contains("2.0") || tags.contains("latest"), tags.toString());
    }
}
