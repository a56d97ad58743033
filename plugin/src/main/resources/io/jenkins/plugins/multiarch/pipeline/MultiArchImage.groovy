package io.jenkins.plugins.multiarch.pipeline

/*
 * The value of the global variable multiArchImage: builds each platform on its own agent in parallel, then publishes
 * the index, in one call. It only carries out the plan that the Java step multiArchPlan returns (checked arguments,
 * labels, environments, step arguments), so that every decision is made, and tested, in Java.
 *
 * Loaded by the Pipeline's trusted class loader (allowed by MultiArchImageVariable.Allowlist): CPS-transformed,
 * not sandboxed. Sandboxed Jenkinsfiles may call every public method of this class, so it has just one, call; the
 * script it drives is held by the Java superclass, whose members the sandbox does not allow.
 */
class MultiArchImage extends PipelineScriptHolder {

    private static final long serialVersionUID = 1L

    MultiArchImage(Script script) {
        super(script)
    }

    /**
     * multiArchImage(image: ..., platforms: [...], ...) builds every platform with multiArchBuild; with a body,
     * the body runs on each platform's agent instead, given [platform:, os:, arch:, variant:, label:].
     * Returns the digest of the published index.
     */
    def call(Map args, Closure body = null) {
        def steps = pipeline()
        Map plan = steps.multiArchPlan(arguments: args, scm: scmAvailable(steps))
        if (plan.source == 'stash') {
            steps.stash(plan.stash)
        }
        Map branches = [failFast: plan.failFast]
        for (Map planned in plan.branches) {
            Map branch = planned // one variable per branch, captured by its closure
            branches[branch.name] = {
                steps.node(branch.label) {
                    steps.withEnv(branch.env) {
                        if (plan.source == 'stash') {
                            steps.unstash(plan.stash.name)
                        } else {
                            steps.checkout(steps.scm)
                        }
                        if (body != null) {
                            body(branch.platform)
                        } else {
                            steps.multiArchBuild(branch.build)
                        }
                    }
                }
            }
        }
        steps.parallel(branches) // throws when a branch failed: then nothing is published
        return steps.multiArchPublish(plan.publish)
    }

    /**
     * Whether checkout scm can work here: the script's own scm variable resolves (a Pipeline from SCM, a multibranch
     * branch); without one, it throws (or is missing where workflow-multibranch is not installed).
     */
    private static boolean scmAvailable(steps) {
        try {
            return steps.scm != null
        } catch (Exception ignored) {
            return false
        }
    }
}
