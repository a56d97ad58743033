package io.jenkins.plugins.multiarch.fanout;

/** How the build context reaches each platform's agent. */
public enum ContextSource {
    /** multiArchImage was called inside {@code node}: the context is stashed there and unstashed on each agent. */
    STASH("stash"),
    /** Called outside {@code node} in a job whose Pipeline comes from SCM: each agent runs {@code checkout scm}. */
    CHECKOUT_SCM("checkout");

    private final String id;

    ContextSource(String id) {
        this.id = id;
    }

    /** What the plan map says, and the Groovy reads. */
    public String id() {
        return id;
    }

    /**
     * @throws FanOutArgumentException when neither applies, saying both ways
     */
    public static ContextSource choose(boolean insideNode, boolean jobHasScm) {
        if (insideNode) {
            return STASH;
        }
        if (jobHasScm) {
            return CHECKOUT_SCM;
        }
        throw new FanOutArgumentException(Messages.ContextSource_None());
    }
}
