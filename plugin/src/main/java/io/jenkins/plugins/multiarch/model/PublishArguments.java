package io.jenkins.plugins.multiarch.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of {@code multiArchPublish} as given (nulls for those left out), for {@link PublishSpec#resolve}.
 */
public final class PublishArguments {

    String image;
    List<String> tags = new ArrayList<>();
    Map<String, String> sources = new LinkedHashMap<>();
    List<String> platforms = new ArrayList<>();
    String credentialsId;
    RegistryChoice registry = RegistryChoice.NONE;
    String format;
    Map<String, String> annotations = new LinkedHashMap<>();
    Boolean binaryCheck;
    String binaryBudget;
    Boolean allBinaries;
    boolean dryRun;
    boolean insecure;

    public PublishArguments image(String value) {
        image = value;
        return this;
    }

    public PublishArguments tags(List<String> value) {
        tags = value == null ? new ArrayList<>() : new ArrayList<>(value);
        return this;
    }

    public PublishArguments sources(Map<String, String> value) {
        sources = value == null ? new LinkedHashMap<>() : new LinkedHashMap<>(value);
        return this;
    }

    public PublishArguments platforms(List<String> value) {
        platforms = value == null ? new ArrayList<>() : new ArrayList<>(value);
        return this;
    }

    public PublishArguments credentialsId(String value) {
        credentialsId = value;
        return this;
    }

    public PublishArguments registry(RegistryChoice value) {
        registry = value == null ? RegistryChoice.NONE : value;
        return this;
    }

    public PublishArguments format(String value) {
        format = value;
        return this;
    }

    public PublishArguments annotations(Map<String, String> value) {
        annotations = value == null ? new LinkedHashMap<>() : new LinkedHashMap<>(value);
        return this;
    }

    public PublishArguments binaryCheck(Boolean value) {
        binaryCheck = value;
        return this;
    }

    public PublishArguments binaryBudget(String value) {
        binaryBudget = value;
        return this;
    }

    public PublishArguments allBinaries(Boolean value) {
        allBinaries = value;
        return this;
    }

    public PublishArguments dryRun(boolean value) {
        dryRun = value;
        return this;
    }

    public PublishArguments insecure(boolean value) {
        insecure = value;
        return this;
    }
}
