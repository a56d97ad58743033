package io.jenkins.plugins.multiarch.model;

/**
 * The environment variables the steps take defaults from, so that a Jenkinsfile can set them once with
 * {@code withEnv} or {@code environment {}}: an argument given to the step always wins.
 */
public final class StepEnvironment {

    public static final String IMAGE = "MULTIARCH_IMAGE";
    /** As BuildKit names it: the platform a build is for. */
    public static final String TARGET_PLATFORM = "TARGETPLATFORM";
    public static final String CREDENTIALS_ID = "MULTIARCH_CREDENTIALS_ID";
    public static final String REGISTRY_URL = "MULTIARCH_REGISTRY_URL";
    public static final String BUILDER = "MULTIARCH_BUILDER";
    public static final String FILE = "MULTIARCH_FILE";
    public static final String CONTEXT = "MULTIARCH_CONTEXT";

    private StepEnvironment() {
    }

    /** The argument if given (not blank), else the variable if set (not blank), else null; trimmed. */
    static String argumentOrEnvironment(String argument, java.util.Map<String, String> environment, String variable) {
        String given = Texts.trimToNull(argument);
        return given != null ? given : Texts.trimToNull(environment.get(variable));
    }
}
