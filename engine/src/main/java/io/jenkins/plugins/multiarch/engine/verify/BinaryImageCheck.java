package io.jenkins.plugins.multiarch.engine.verify;

import io.jenkins.plugins.multiarch.engine.error.MultiarchException;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;

import io.jenkins.plugins.multiarch.engine.image.ResolvedImage;
import io.jenkins.plugins.multiarch.engine.oci.ImageConfig;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.oci.Descriptor;
import io.jenkins.plugins.multiarch.engine.oci.ImageManifest;
import io.jenkins.plugins.multiarch.engine.registry.BlobPrefetch;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import io.jenkins.plugins.multiarch.engine.util.Sizes;
import io.jenkins.plugins.multiarch.engine.verify.binary.AllBinariesReport;
import io.jenkins.plugins.multiarch.engine.verify.binary.AllBinariesScan;
import io.jenkins.plugins.multiarch.engine.verify.binary.BinaryCheckResult;
import io.jenkins.plugins.multiarch.engine.verify.binary.BinaryPlatformCheck;
import io.jenkins.plugins.multiarch.engine.verify.binary.ByteBudget;
import io.jenkins.plugins.multiarch.engine.verify.binary.ExpectedPlatform;
import io.jenkins.plugins.multiarch.engine.verify.binary.ImageRunConfig;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The {@code exec format error} guard as an {@link ImageCheck}: reads the ELF header of the program the image starts
 * straight from its layer blobs in the registry and compares it with the platform the image is published for
 * (see {@link BinaryPlatformCheck}). Optionally also scans every ELF file of the newest layers
 * ({@link AllBinariesScan}).
 *
 * <p>A wrong-architecture or invalid ELF program fails the check. Whatever cannot be judged (no Entrypoint or Cmd,
 * a program that is not ELF, reading stopped at the byte budget) is "not checked", which does not stop a publish: the
 * message says why. A layer that cannot be read at all is an error, thrown, naming the layer.
 *
 * <p>Immutable and thread-safe: one instance checks every platform of a publish in parallel.
 */
public final class BinaryImageCheck implements ImageCheck {

    public static final String NAME = "binary";

    /** {@code allBinariesLayers} value: only the program the image starts is checked. */
    public static final int PROGRAM_ONLY = 0;

    private final long byteBudget;
    private final int allBinariesLayers;

    /**
     * @param byteBudget        the most compressed layer bytes to read per image, for each of the two reads (the
     *                          program lookup and the all-binaries scan)
     * @param allBinariesLayers {@link #PROGRAM_ONLY}, or how many of the newest layers to scan for ELF files
     *                          ({@link AllBinariesScan#ALL_LAYERS} for all)
     */
    public BinaryImageCheck(long byteBudget, int allBinariesLayers) {
        if (byteBudget <= 0) {
            throw new InvalidInputException("the byte budget must be more than 0, got " + byteBudget);
        }
        if (allBinariesLayers < 0) {
            throw new InvalidInputException("the number of layers to scan must be at least 1, got " + allBinariesLayers);
        }
        this.byteBudget = byteBudget;
        this.allBinariesLayers = allBinariesLayers;
    }

    /** The program only, with the default budget of {@value ByteBudget#DEFAULT_LIMIT} bytes. */
    public static BinaryImageCheck programOnly() {
        return new BinaryImageCheck(ByteBudget.DEFAULT_LIMIT, PROGRAM_ONLY);
    }

    @Override
    public String name() {
        return NAME;
    }

    public long byteBudget() {
        return byteBudget;
    }

    public int allBinariesLayers() {
        return allBinariesLayers;
    }

    @Override
    public CheckResult check(ResolvedImage image, RegistryClient client, BlobPrefetch prefetch) {
        ExpectedPlatform expected = expectedPlatform(image.declared());
        String imageRef = image.source().toString();
        RegistryLayers layers = new RegistryLayers(image, client, prefetch);
        try {
            BinaryCheckResult program = new BinaryPlatformCheck(byteBudget)
                    .check(imageRef, expected, runConfig(image.config()), layers.sources());
            // The scan has nothing to say about platforms the program check cannot judge either.
            AllBinariesReport scan = allBinariesLayers == PROGRAM_ONLY || !expected.checkable() ? null
                    : new AllBinariesScan(byteBudget).scan(imageRef, expected, layers.sources(), allBinariesLayers);
            BinaryFindings findings = new BinaryFindings(expected + " image " + imageRef + ": ", program, scan,
                    byteBudget, layers.openedText(), layers.reads());
            return switch (findings.status()) {
                case PASS -> CheckResult.passed(NAME, findings.message(), findings.details());
                case MISMATCH -> CheckResult.failed(NAME, findings.message(), findings.details());
                case NOT_CHECKED -> CheckResult.notChecked(NAME, findings.message(), findings.details());
            };
        } catch (IOException e) {
            // Callers name the image; the message names the layer and what went wrong.
            throw new MultiarchException("binary check: " + e.getMessage(), e);
        }
    }

    /**
     * The newest layer: every lookup of the program (and the scan) starts there. Nothing for a platform the check
     * cannot judge, which reads no layer; an image that names no program reads none either, but only its config
     * says so.
     */
    @Override
    public Optional<Descriptor> firstLayerRead(Platform declared, ImageManifest image) {
        List<Descriptor> layers = image.layers();
        if (layers.isEmpty() || !expectedPlatform(declared).checkable()) {
            return Optional.empty();
        }
        return Optional.of(layers.get(layers.size() - 1));
    }

    /**
     * The engine's platform in the terms of the binary check. Both read a 32-bit ARM platform without a variant as
     * {@code arm/v7} (containerd's default), and arm64's {@code v8} is already dropped by {@link Platform#parse}.
     */
    static ExpectedPlatform expectedPlatform(Platform platform) {
        return new ExpectedPlatform(platform.os(), platform.architecture(), platform.variant());
    }

    static ImageRunConfig runConfig(ImageConfig config) {
        return new ImageRunConfig(config.entrypoint(), config.cmd(), config.workingDir(), config.env());
    }

    /** The settings, for logs. */
    @Override
    public String toString() {
        return "binary check (budget " + Sizes.human(byteBudget)
                + (allBinariesLayers == PROGRAM_ONLY ? "" : ", all binaries in the newest "
                + (allBinariesLayers == AllBinariesScan.ALL_LAYERS ? "all" : allBinariesLayers) + " layers") + ")";
    }
}
