package io.jenkins.plugins.multiarch.fanout;

import io.jenkins.plugins.multiarch.engine.platform.Platform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code multiArchImage} does, decided before it does any of it: one {@link Branch} per platform, how the
 * context reaches the agents, whether one failing branch stops the others, and what {@code multiArchPublish} gets
 * once every branch has built. The Groovy side only carries it out, from {@link #toMap()}.
 */
public final class FanOutPlan {

    /** The stash the context travels in when multiArchImage is called inside {@code node}. */
    static final String STASH_NAME = "multiarch-image-context";

    private final FanOutArguments arguments;
    private final ContextSource contextSource;
    private final List<Branch> branches;

    private FanOutPlan(FanOutArguments arguments, ContextSource contextSource, List<Branch> branches) {
        this.arguments = arguments;
        this.contextSource = contextSource;
        this.branches = List.copyOf(branches);
    }

    /**
     * @param insideNode whether multiArchImage runs inside {@code node} (a workspace is there to stash from)
     * @param jobHasScm whether {@code checkout scm} works in this job
     * @throws FanOutArgumentException when the context can reach the agents neither way
     */
    public static FanOutPlan create(FanOutArguments arguments, Map<String, String> globalLabels,
                                    boolean insideNode, boolean jobHasScm) {
        ContextSource source = ContextSource.choose(insideNode, jobHasScm);
        AgentLabels labels = AgentLabels.of(arguments.agentLabels(), arguments.agentLabel(), globalLabels);
        List<Branch> branches = new ArrayList<>();
        for (Platform platform : arguments.platforms()) {
            branches.add(new Branch(platform, labels.labelFor(platform), environment(arguments, platform),
                    buildArguments(arguments, platform)));
        }
        return new FanOutPlan(arguments, source, branches);
    }

    /** In the order of the platforms given. */
    public List<Branch> branches() {
        return branches;
    }

    public ContextSource contextSource() {
        return contextSource;
    }

    public boolean failFast() {
        return arguments.failFast();
    }

    /**
     * Asks about every branch's label before any build starts.
     *
     * @throws FanOutArgumentException naming each platform whose label nothing can run, and the label
     */
    public void requireAgents(LabelCheck check) {
        List<String> problems = new ArrayList<>();
        for (Branch branch : branches) {
            String problem = check.problem(branch.label());
            if (problem != null) {
                problems.add(Messages.FanOutPlan_NoAgent(branch.name(), problem));
            }
        }
        if (!problems.isEmpty()) {
            throw new FanOutArgumentException(Messages.FanOutPlan_NoAgents(String.join("; ", problems)));
        }
    }

    /** BuildKit's and Go's platform variables, then the MULTIARCH_* defaults of multiArchBuild. */
    static List<String> environment(FanOutArguments a, Platform platform) {
        List<String> env = new ArrayList<>();
        env.add("TARGETPLATFORM=" + platform);
        env.add("TARGETOS=" + platform.os());
        env.add("TARGETARCH=" + platform.architecture());
        // empty where there is no variant, as BuildKit sets it; withEnv then removes an inherited one
        env.add("TARGETVARIANT=" + (platform.variant() == null ? "" : platform.variant()));
        env.add("GOOS=" + platform.os());
        env.add("GOARCH=" + platform.architecture());
        if ("arm".equals(platform.architecture())) {
            env.add("GOARM=" + platform.variantNumber()); // v6 → 6, v7 → 7
        }
        env.add("MULTIARCH_IMAGE=" + a.image());
        env.add("MULTIARCH_CONTEXT=" + a.context());
        if (a.effectiveCredentialsId() != null) {
            env.add("MULTIARCH_CREDENTIALS_ID=" + a.effectiveCredentialsId());
        }
        if (a.registryUrl() != null) {
            env.add("MULTIARCH_REGISTRY_URL=" + a.registryUrl());
        }
        if (a.builder() != null) {
            env.add("MULTIARCH_BUILDER=" + a.builder());
        }
        if (a.file() != null) {
            env.add("MULTIARCH_FILE=" + a.file());
        }
        return env;
    }

    /** multiArchBuild's arguments: only those given, so that the step's own defaults apply to the rest. */
    static Map<String, Object> buildArguments(FanOutArguments a, Platform platform) {
        Map<String, Object> build = new LinkedHashMap<>();
        build.put("image", a.image());
        build.put("platform", platform.toString());
        build.put("context", a.context());
        putIfGiven(build, "credentialsId", a.credentialsId());
        putIfGiven(build, "registry", registry(a));
        putIfGiven(build, "builder", a.builder());
        putIfGiven(build, "file", a.file());
        putIfGiven(build, "buildArgs", a.buildArgs());
        putIfGiven(build, "target", a.target());
        putIfGiven(build, "tagTemplate", a.tagTemplate());
        putIfGiven(build, "insecure", a.insecure());
        putIfGiven(build, "labels", a.labels());
        putIfGiven(build, "annotations", a.imageAnnotations());
        return build;
    }

    /** multiArchPublish's arguments: the image, its tags and exactly the platforms built here. */
    public Map<String, Object> publishArguments() {
        FanOutArguments a = arguments;
        Map<String, Object> publish = new LinkedHashMap<>();
        publish.put("image", a.image());
        putIfGiven(publish, "tags", a.tags());
        List<String> platforms = new ArrayList<>();
        branches.forEach(b -> platforms.add(b.name()));
        publish.put("platforms", platforms);
        putIfGiven(publish, "credentialsId", a.credentialsId());
        putIfGiven(publish, "registry", registry(a));
        putIfGiven(publish, "format", a.format());
        putIfGiven(publish, "annotations", a.annotations());
        putIfGiven(publish, "binaryCheck", a.binaryCheck());
        putIfGiven(publish, "binaryBudget", a.binaryBudget());
        putIfGiven(publish, "allBinaries", a.allBinaries());
        putIfGiven(publish, "dryRun", a.dryRun());
        putIfGiven(publish, "insecure", a.insecure());
        putIfGiven(publish, "tagsFromGit", a.tagsFromGit());
        putIfGiven(publish, "annotationsFromGit", a.annotationsFromGit());
        putIfGiven(publish, "alsoTo", a.alsoTo());
        putIfGiven(publish, "attestations", a.attestations());
        putIfGiven(publish, "referrers", a.referrers());
        putIfGiven(publish, "registryCredentials", a.registryCredentials());
        return PlainValues.copy(publish);
    }

    /** {@code stash} arguments: the context folder, and the Containerfile when it lies outside it. */
    Map<String, Object> stashArguments() {
        String context = arguments.context();
        String includes = context.equals(".") ? "**" : context + "/**";
        String file = arguments.file();
        if (file != null && !context.equals(".") && !file.startsWith(context + "/")) {
            includes += "," + file;
        }
        Map<String, Object> stash = new LinkedHashMap<>();
        stash.put("name", STASH_NAME);
        stash.put("includes", includes);
        return stash;
    }

    private static Map<String, Object> registry(FanOutArguments a) {
        if (a.registryUrl() == null && a.registryCredentialsId() == null) {
            return null;
        }
        Map<String, Object> registry = new LinkedHashMap<>();
        putIfGiven(registry, "url", a.registryUrl());
        putIfGiven(registry, "credentialsId", a.registryCredentialsId());
        return registry;
    }

    private static void putIfGiven(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value instanceof Map<?, ?> m ? new LinkedHashMap<>(m)
                    : value instanceof List<?> l ? new ArrayList<>(l) : value);
        }
    }

    /**
     * The plan as the Groovy reads it, plain maps, lists, texts and booleans only (they live in the Pipeline's
     * program state): {@code failFast}, {@code source} ({@code stash} or {@code checkout}), {@code stash} (the stash
     * step's arguments, when stashing), {@code branches} (each {@code name, label, env, platform, build}) and
     * {@code publish}.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("failFast", arguments.failFast());
        map.put("source", contextSource.id());
        if (contextSource == ContextSource.STASH) {
            map.put("stash", stashArguments());
        }
        List<Object> branchMaps = new ArrayList<>();
        branches.forEach(b -> branchMaps.add(b.toMap()));
        map.put("branches", branchMaps);
        map.put("publish", publishArguments());
        return PlainValues.copy(map);
    }
}
