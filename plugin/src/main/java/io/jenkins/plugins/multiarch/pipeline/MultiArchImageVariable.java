package io.jenkins.plugins.multiarch.pipeline;

import edu.umd.cs.findbugs.annotations.NonNull;
import groovy.lang.Binding;
import groovy.lang.Script;
import hudson.Extension;
import org.jenkinsci.plugins.workflow.cps.CpsScript;
import org.jenkinsci.plugins.workflow.cps.GlobalVariable;
import org.jenkinsci.plugins.workflow.cps.GroovySourceFileAllowlist;

/**
 * {@code multiArchImage(...)} in a Jenkinsfile: one call that builds each platform on its own agent, in parallel,
 * and publishes the index once all have built. A step cannot open parallel branches or allocate agents, so this is a
 * global variable whose value is the plugin's Groovy class {@code MultiArchImage}, as Docker Pipeline's
 * {@code docker} is; every decision it carries out is made in Java by the {@code multiArchPlan} step.
 */
@Extension
public class MultiArchImageVariable extends GlobalVariable {

    static final String NAME = "multiArchImage";

    @NonNull
    @Override
    public String getName() {
        return NAME;
    }

    /**
     * One instance per script, kept in its binding. Loaded through the Pipeline's own class loader, so that the
     * Groovy is CPS-transformed (its steps can pause and survive a restart); a constructor call, not a method,
     * needs no {@code @NonCPS}.
     */
    @NonNull
    @Override
    public Object getValue(@NonNull CpsScript script) throws Exception {
        Binding binding = script.getBinding();
        if (binding.hasVariable(NAME)) {
            return binding.getVariable(NAME);
        }
        Object value = script.getClass().getClassLoader()
                .loadClass(MultiArchImageSource.CLASS_NAME)
                .getConstructor(Script.class)
                .newInstance(script);
        binding.setVariable(NAME, value);
        return value;
    }

    /** Lets the Pipeline's class loader load exactly the plugin's {@code MultiArchImage.groovy}. */
    @Extension
    public static class Allowlist extends GroovySourceFileAllowlist {

        @Override
        public boolean isAllowed(String groovySourceFileUrl) {
            return MultiArchImageSource.isThis(groovySourceFileUrl);
        }
    }
}
