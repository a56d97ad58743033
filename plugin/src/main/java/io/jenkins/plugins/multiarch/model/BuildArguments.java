package io.jenkins.plugins.multiarch.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The arguments of {@code multiArchBuild} as given (nulls for those left out), for {@link BuildSpec#resolve}. A
 * plain carrier, so the rules can be tested without Jenkins.
 */
public final class BuildArguments {

    String image;
    String platform;
    String credentialsId;
    RegistryChoice registry = RegistryChoice.NONE;
    String builder;
    String file;
    String context;
    Map<String, String> buildArgs = new LinkedHashMap<>();
    String target;
    String tagTemplate;
    boolean insecure;
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, String> annotations = new LinkedHashMap<>();

    public BuildArguments image(String value) {
        image = value;
        return this;
    }

    public BuildArguments platform(String value) {
        platform = value;
        return this;
    }

    public BuildArguments credentialsId(String value) {
        credentialsId = value;
        return this;
    }

    public BuildArguments registry(RegistryChoice value) {
        registry = value == null ? RegistryChoice.NONE : value;
        return this;
    }

    public BuildArguments builder(String value) {
        builder = value;
        return this;
    }

    public BuildArguments file(String value) {
        file = value;
        return this;
    }

    public BuildArguments context(String value) {
        context = value;
        return this;
    }

    public BuildArguments buildArgs(Map<String, String> value) {
        buildArgs = value == null ? new LinkedHashMap<>() : new LinkedHashMap<>(value);
        return this;
    }

    public BuildArguments target(String value) {
        target = value;
        return this;
    }

    public BuildArguments tagTemplate(String value) {
        tagTemplate = value;
        return this;
    }

    public BuildArguments insecure(boolean value) {
        insecure = value;
        return this;
    }

    public BuildArguments labels(Map<String, String> value) {
        labels = value == null ? new LinkedHashMap<>() : new LinkedHashMap<>(value);
        return this;
    }

    public BuildArguments annotations(Map<String, String> value) {
        annotations = value == null ? new LinkedHashMap<>() : new LinkedHashMap<>(value);
        return this;
    }
}
