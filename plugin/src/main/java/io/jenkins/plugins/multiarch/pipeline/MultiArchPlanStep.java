package io.jenkins.plugins.multiarch.pipeline;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.multiarch.config.MultiArchGlobalConfiguration;
import io.jenkins.plugins.multiarch.config.PlatformLabel;
import io.jenkins.plugins.multiarch.fanout.FanOutArgumentException;
import io.jenkins.plugins.multiarch.fanout.FanOutArguments;
import io.jenkins.plugins.multiarch.fanout.FanOutPlan;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code multiArchPlan(arguments: [...])}: the decisions of {@code multiArchImage}, made in Java. Checks the
 * arguments, chooses each platform's agent label and how the context reaches the agents, refuses a label that no
 * agent and no cloud can run (before anything is built), and returns the plan as plain maps for the Groovy class.
 * Internal: Jenkinsfiles call {@code multiArchImage}.
 */
public final class MultiArchPlanStep extends Step {

    private final Map<String, Object> arguments;
    private boolean scm;

    @DataBoundConstructor
    public MultiArchPlanStep(Map<String, Object> arguments) {
        this.arguments = arguments == null ? null : new LinkedHashMap<>(arguments);
    }

    /** The map multiArchImage was called with. */
    public Map<String, Object> getArguments() {
        return arguments == null ? null : Collections.unmodifiableMap(arguments);
    }

    /** Whether {@code checkout scm} works in this run: multiArchImage asks the script's {@code scm} variable. */
    public boolean isScm() {
        return scm;
    }

    @DataBoundSetter
    public void setScm(boolean scm) {
        this.scm = scm;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(context, arguments, scm);
    }

    /** Quick (no I/O beyond Jenkins' own model), so synchronous on the Pipeline's thread. */
    private static final class Execution extends SynchronousStepExecution<Map<String, Object>> {

        private static final long serialVersionUID = 1L;

        // the execution ends inside start(): it is never saved with the program
        private final transient Map<String, Object> arguments;

        private final boolean scm;

        Execution(StepContext context, Map<String, Object> arguments, boolean scm) {
            super(context);
            this.arguments = arguments;
            this.scm = scm;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            boolean insideNode = getContext().get(FilePath.class) != null;
            try {
                FanOutPlan plan = FanOutPlan.create(FanOutArguments.parse(arguments), globalLabels(), insideNode,
                        scm);
                plan.requireAgents(new JenkinsLabelCheck());
                return plan.toMap();
            } catch (FanOutArgumentException e) {
                throw new AbortException(e.getMessage()); // the user's mistake: the message, without a stack trace
            }
        }

        private static Map<String, String> globalLabels() {
            Map<String, String> rows = new LinkedHashMap<>();
            for (PlatformLabel row : MultiArchGlobalConfiguration.get().getPlatformLabels()) {
                rows.putIfAbsent(row.getPlatform(), row.getLabel());
            }
            return rows;
        }
    }

    @Extension
    @Symbol("multiArchPlan")
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        @Override
        public String getFunctionName() {
            return "multiArchPlan";
        }

        /** Internal: the Snippet Generator lists it under advanced steps only; Jenkinsfiles call multiArchImage. */
        @Override
        public boolean isAdvanced() {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.MultiArchPlanStep_DisplayName();
        }
    }
}
