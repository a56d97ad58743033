package io.jenkins.plugins.multiarch.fanout;

import io.jenkins.plugins.multiarch.engine.platform.Platform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One parallel branch of the fan-out: the platform it builds, named as the platform ({@code linux/arm64}) so that
 * stage views show it, the agent label it runs on, its environment and the arguments of its {@code multiArchBuild}.
 */
public final class Branch {

    private final Platform platform;
    private final String label;
    private final List<String> environment;
    private final Map<String, Object> buildArguments;

    Branch(Platform platform, String label, List<String> environment, Map<String, Object> buildArguments) {
        this.platform = platform;
        this.label = label;
        this.environment = List.copyOf(environment);
        this.buildArguments = buildArguments;
    }

    /** The platform, {@code linux/arm/v7}: also the branch's name. */
    public String name() {
        return platform.toString();
    }

    public Platform platform() {
        return platform;
    }

    /** The label expression of {@code node(...)}. */
    public String label() {
        return label;
    }

    /** {@code NAME=value} entries for {@code withEnv}. */
    public List<String> environment() {
        return environment;
    }

    /** What {@code multiArchBuild} gets when the fan-out has no body; plain maps, lists and texts. */
    public Map<String, Object> buildArguments() {
        return PlainValues.copy(buildArguments);
    }

    /** What a body receives as its parameter: {@code p.platform, p.os, p.arch, p.variant, p.label}. */
    public Map<String, Object> platformMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("platform", platform.toString());
        map.put("os", platform.os());
        map.put("arch", platform.architecture());
        map.put("variant", platform.variant() == null ? "" : platform.variant());
        map.put("label", label);
        return map;
    }

    /** The branch for the Groovy: {@code name, label, env, platform, build}. */
    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name());
        map.put("label", label);
        map.put("env", new ArrayList<>(environment));
        map.put("platform", platformMap());
        map.put("build", buildArguments());
        return map;
    }

    @Override
    public String toString() {
        return name() + " on " + label;
    }
}
