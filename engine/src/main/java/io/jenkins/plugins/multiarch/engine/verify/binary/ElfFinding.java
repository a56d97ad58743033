package io.jenkins.plugins.multiarch.engine.verify.binary;

/**
 * An ELF program or library, found by {@link AllBinariesScan}, that does not fit the expected platform.
 *
 * @param path        its path in the image
 * @param layerDigest the layer holding it
 * @param detected    e.g. {@code an x86-64 ELF shared object (PIE)}
 * @param message     one line for humans, in the same form as {@link BinaryCheckResult#message()}
 */
public record ElfFinding(String path, String layerDigest, String detected, String message) {
}
