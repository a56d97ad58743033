package io.jenkins.plugins.multiarch.model;

import java.util.HashMap;
import java.util.Map;

/**
 * The build's environment as the engine's git state reader takes it. Multibranch jobs set {@code BRANCH_NAME},
 * {@code TAG_NAME} and {@code CHANGE_ID}, which the reader uses as they are. A freestyle job's git checkout sets only
 * {@code GIT_BRANCH}, the remote-tracking name ({@code origin/main}), and leaves HEAD detached, which git alone cannot
 * name: then its branch, without the remote, becomes {@code BRANCH_NAME} ({@code GIT_LOCAL_BRANCH} first, when the
 * job checks out to a local branch).
 */
public final class GitVariables {

    static final String TAG_NAME = "TAG_NAME";
    static final String BRANCH_NAME = "BRANCH_NAME";
    static final String CHANGE_ID = "CHANGE_ID";
    static final String GITHUB_REF = "GITHUB_REF";

    private GitVariables() {
    }

    /** The environment, with {@code BRANCH_NAME} from the git plugin's variables when nothing names the ref. */
    public static Map<String, String> forEngine(Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        if (namesRef(env)) {
            return env;
        }
        String local = Texts.trimToNull(env.get("GIT_LOCAL_BRANCH"));
        String branch = local != null ? local : branchOf(Texts.trimToNull(env.get("GIT_BRANCH")));
        if (branch != null) {
            env.put(BRANCH_NAME, branch);
        }
        return env;
    }

    /** Whether the CI variables say what is built (then no git is needed for the ref). */
    public static boolean namesRef(Map<String, String> environment) {
        for (String name : new String[] {TAG_NAME, BRANCH_NAME, CHANGE_ID, GITHUB_REF}) {
            if (Texts.trimToNull(environment.get(name)) != null) {
                return true;
            }
        }
        return false;
    }

    /** {@code origin/feature/x} and {@code refs/remotes/origin/feature/x} → {@code feature/x}; {@code refs/heads/x} → {@code x}. */
    static String branchOf(String gitBranch) {
        if (gitBranch == null) {
            return null;
        }
        String name = gitBranch;
        if (name.startsWith("refs/heads/")) {
            return Texts.trimToNull(name.substring("refs/heads/".length()));
        }
        if (name.startsWith("refs/remotes/")) {
            name = name.substring("refs/remotes/".length());
        }
        int slash = name.indexOf('/');
        // the git plugin names a branch by its remote (origin/main); a name without one is the branch itself
        return Texts.trimToNull(slash > 0 ? name.substring(slash + 1) : name);
    }
}
