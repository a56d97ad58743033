package io.jenkins.plugins.multiarch.pipeline;

import groovy.lang.Closure;
import groovy.lang.Script;
import io.jenkins.plugins.multiarch.fanout.FanOutArguments;
import io.jenkins.plugins.multiarch.fanout.FanOutPlan;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A stand-in for the Pipeline script object (CpsScript) that the {@code MultiArchImage} Groovy class drives: the
 * base class of the test "Jenkinsfiles". Its steps record what they were called with, in order; multiArchPlan is
 * the real planning code (as the Java step runs it); parallel runs the branches one after another with the real
 * step's outcome: a failed branch fails parallel after the others, and with failFast the branches not yet done are
 * aborted. What it cannot show (CPS, the sandbox, real agents) the *JenkinsTest tests show.
 */
public abstract class RecordingScript extends Script {

    /** What the steps were called with, in order. */
    public final List<String> calls = new ArrayList<>();
    /** Builds failing on these platforms. */
    public Set<String> failingPlatforms = Set.of();
    /** Labels that some agent has. */
    public Set<String> agentLabels = Set.of("amd64", "arm64", "arm");
    public boolean insideNode = true;
    public boolean jobHasScm;
    public Map<String, String> globalLabels = Map.of();

    private final Deque<Map<String, String>> environments = new ArrayDeque<>();
    private String currentNode;

    protected RecordingScript() {
        environments.push(new TreeMap<>());
    }

    /** As MultiArchImageVariable.getValue: one instance per script, loaded through the script's class loader. */
    public Object multiArchImage(Map<String, Object> args) throws Exception {
        return multiArchImage(args, null);
    }

    public Object multiArchImage(Map<String, Object> args, Closure<?> body) throws Exception {
        Object value = getBinding().hasVariable("multiArchImage") ? getBinding().getVariable("multiArchImage")
                : getClass().getClassLoader().loadClass(MultiArchImageSource.CLASS_NAME)
                        .getConstructor(Script.class).newInstance(this);
        getBinding().setVariable("multiArchImage", value);
        return body == null ? invokeMethodOn(value, args) : invokeMethodOn(value, args, body);
    }

    private static Object invokeMethodOn(Object target, Object... args) {
        return org.codehaus.groovy.runtime.InvokerHelper.invokeMethod(target, "call", args);
    }

    public Map<String, Object> multiArchPlan(Map<String, Object> named) {
        calls.add("multiArchPlan");
        @SuppressWarnings("unchecked")
        Map<String, Object> arguments = (Map<String, Object>) named.get("arguments");
        // scm: what the Groovy found out by asking for the script's scm variable
        FanOutPlan plan = FanOutPlan.create(FanOutArguments.parse(arguments), globalLabels, insideNode,
                Boolean.TRUE.equals(named.get("scm")));
        plan.requireAgents(label -> agentLabels.contains(label) ? null : "label " + label + " matches no agent");
        return plan.toMap();
    }

    public void stash(Map<String, Object> args) {
        calls.add("stash " + new TreeMap<>(args) + on());
    }

    public void unstash(String name) {
        calls.add("unstash " + name + on());
    }

    /** As Pipeline's scm variable: there only in a job whose script comes from SCM. */
    public Object getScm() {
        if (!jobHasScm) {
            throw new IllegalStateException("'checkout scm' is only available when using Multibranch Pipeline or Pipeline script from SCM");
        }
        return "the job's SCM";
    }

    public void checkout(Object scm) {
        calls.add("checkout " + scm + on());
    }

    public Object node(String label, Closure<?> body) {
        calls.add("node " + label);
        String outer = currentNode;
        currentNode = label;
        try {
            return body.call();
        } finally {
            currentNode = outer;
        }
    }

    public Object withEnv(List<String> overrides, Closure<?> body) {
        calls.add("withEnv " + overrides + on());
        Map<String, String> env = new TreeMap<>(environments.peek());
        for (String entry : overrides) {
            int eq = entry.indexOf('=');
            String value = entry.substring(eq + 1);
            if (value.isEmpty()) {
                env.remove(entry.substring(0, eq)); // as withEnv does
            } else {
                env.put(entry.substring(0, eq), value);
            }
        }
        environments.push(env);
        try {
            return body.call();
        } finally {
            environments.pop();
        }
    }

    public void sh(String command) {
        calls.add("sh " + command + on());
    }

    public Object parallel(Map<String, Object> branches) {
        Map<String, Object> closures = new LinkedHashMap<>(branches);
        boolean failFast = Boolean.TRUE.equals(closures.remove("failFast"));
        calls.add("parallel " + closures.keySet() + (failFast ? " failFast" : ""));
        RuntimeException failure = null;
        for (Map.Entry<String, Object> branch : closures.entrySet()) {
            if (failure != null && failFast) {
                calls.add("aborted " + branch.getKey());
                continue;
            }
            try {
                ((Closure<?>) branch.getValue()).call();
            } catch (RuntimeException e) {
                calls.add("failed " + branch.getKey());
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return null;
    }

    /** With the branch's environment: the build's platform defaults to TARGETPLATFORM, its image to MULTIARCH_IMAGE. */
    public String multiArchBuild() {
        return multiArchBuild(Map.of());
    }

    public String multiArchBuild(Map<String, Object> args) {
        Map<String, String> env = environments.peek();
        Object platform = args.containsKey("platform") ? args.get("platform") : env.get("TARGETPLATFORM");
        calls.add("multiArchBuild " + new TreeMap<>(args) + " TARGETPLATFORM=" + env.get("TARGETPLATFORM")
                + " MULTIARCH_IMAGE=" + env.get("MULTIARCH_IMAGE") + on());
        if (failingPlatforms.contains(String.valueOf(platform))) {
            throw new IllegalStateException("the build for " + platform + " failed");
        }
        return "sha256:" + String.valueOf(platform).replace('/', '-');
    }

    public String multiArchPublish(Map<String, Object> args) {
        calls.add("multiArchPublish " + new TreeMap<>(args));
        return "sha256:index";
    }

    /** The environment the innermost withEnv gives. */
    public Map<String, String> env() {
        return environments.peek();
    }

    private String on() {
        return currentNode == null ? "" : " on " + currentNode;
    }
}
