package io.jenkins.plugins.multiarch.pipeline;

import groovy.lang.Script;
import java.io.Serializable;
import java.util.Objects;

/**
 * Holds the Pipeline script for the {@code MultiArchImage} Groovy class, out of the sandbox's reach. A sandboxed
 * Jenkinsfile may read every field and call every method that a plugin's Groovy class declares (workflow-cps'
 * GroovyClassLoaderWhitelist), but not those of a Java class: so {@code multiArchImage.script} and
 * {@code multiArchImage.pipeline()} are refused there, while the Groovy class, which is trusted, uses them.
 */
public abstract class PipelineScriptHolder implements Serializable {

    private static final long serialVersionUID = 1L;

    // a CpsScript, serializable with the rest of the program; Script in the signature keeps the type testable
    private final Script script;

    protected PipelineScriptHolder(Script script) {
        this.script = Objects.requireNonNull(script, "script");
    }

    /** The script whose steps the Groovy class calls: node, parallel, withEnv, stash, multiArchBuild, ... */
    protected final Script pipeline() {
        return script;
    }
}
