package io.jenkins.plugins.multiarch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The build's variables as the engine's git state reader takes them: multibranch's as they are, the git plugin's mapped. */
class GitVariablesTest {

    @Test
    void multibranchVariablesAreLeftAsTheyAre() {
        Map<String, String> env = Map.of("BRANCH_NAME", "PR-7", "CHANGE_ID", "7", "GIT_BRANCH", "origin/feature/x");
        assertEquals(env, GitVariables.forEngine(env));
        assertTrue(GitVariables.namesRef(Map.of("TAG_NAME", "v1.2.3")));
        assertTrue(GitVariables.namesRef(Map.of("GITHUB_REF", "refs/heads/main")));
        assertFalse(GitVariables.namesRef(Map.of("GIT_COMMIT", "0123abc", "BRANCH_NAME", " ")));
    }

    @Test
    void aFreestyleCheckoutsRemoteBranchBecomesTheBranchName() {
        assertEquals("feature/x", GitVariables.forEngine(Map.of("GIT_BRANCH", "origin/feature/x")).get("BRANCH_NAME"));
        assertEquals("main", GitVariables.forEngine(Map.of("GIT_BRANCH", "refs/remotes/upstream/main")).get("BRANCH_NAME"));
        assertEquals("main", GitVariables.forEngine(Map.of("GIT_BRANCH", "refs/heads/main")).get("BRANCH_NAME"));
        assertEquals("main", GitVariables.forEngine(Map.of("GIT_BRANCH", "main")).get("BRANCH_NAME"));
        assertEquals("release", GitVariables.forEngine(Map.of("GIT_BRANCH", "origin/main", "GIT_LOCAL_BRANCH", "release"))
                .get("BRANCH_NAME"));
        assertNull(GitVariables.forEngine(Map.of("GIT_COMMIT", "0123abc")).get("BRANCH_NAME"));
    }
}
