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
    boolean tagsFromGit;
    boolean annotationsFromGit;
    List<String> alsoTo = new ArrayList<>();
    boolean attestations = true;
    boolean referrers;
    List<OtherRegistryLogin> registryCredentials = new ArrayList<>();

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

    /** Add the tags the build's git state gives (CI variables, else git in the workspace). */
    public PublishArguments tagsFromGit(boolean value) {
        tagsFromGit = value;
        return this;
    }

    /** Set the {@code org.opencontainers.image.*} annotations from the build's git state. */
    public PublishArguments annotationsFromGit(boolean value) {
        annotationsFromGit = value;
        return this;
    }

    /** Further targets, {@code REGISTRY/REPO[:TAG]} each. */
    public PublishArguments alsoTo(List<String> value) {
        alsoTo = value == null ? new ArrayList<>() : new ArrayList<>(value);
        return this;
    }

    /** Copy the images' OCI 1.1 referrers (signatures, SBOMs) along when they cross repositories. */
    public PublishArguments referrers(boolean value) {
        referrers = value;
        return this;
    }

    /** Keep the attestation manifests of index sources (the default). */
    public PublishArguments attestations(boolean value) {
        attestations = value;
        return this;
    }

    /** Logins for registries other than the target's. */
    public PublishArguments registryCredentials(List<OtherRegistryLogin> value) {
        registryCredentials = value == null ? new ArrayList<>() : new ArrayList<>(value);
        return this;
    }
}
