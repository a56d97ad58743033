package io.jenkins.plugins.multiarch.engine.verify.binary;

import java.util.List;

/**
 * The outcome of a {@link BinaryPlatformCheck}.
 *
 * @param reason      why; {@link #status()} follows from it
 * @param checkedPath the file whose header decided the result, or {@code null} if none was read
 * @param chain       how the runtime gets there, e.g. {@code [/entrypoint.sh, #! /bin/sh, /bin/busybox]}; empty if
 *                    there is no program
 * @param detected    what the file is, e.g. {@code an x86-64 ELF executable}, or {@code null}
 * @param layerDigest the layer holding the checked file, or {@code null}
 * @param bytesRead   compressed layer bytes read from the blobs
 * @param message     one line for humans, starting with {@code <platform> image <ref>:}
 */
public record BinaryCheckResult(BinaryCheckReason reason, String checkedPath, List<String> chain, String detected,
        String layerDigest, long bytesRead, String message) {

    public BinaryCheckResult {
        chain = List.copyOf(chain);
    }

    public BinaryCheckStatus status() {
        return reason.status();
    }

    /** {@code /entrypoint.sh -> #! /bin/sh -> /bin/busybox}. */
    public String chainText() {
        return String.join(" -> ", chain);
    }

    /**
     * The machine part of {@link #detected()}, for tables: {@code x86-64}, {@code AArch64},
     * {@code 32-bit ARM hard-float (EABI5)}; {@code null} when no ELF header was read.
     */
    public String detectedArchitecture() {
        if (detected == null) {
            return null;
        }
        String machine = detected.startsWith("an ") ? detected.substring(3)
                : detected.startsWith("a ") ? detected.substring(2) : detected;
        int elf = machine.indexOf(" ELF ");
        return elf < 0 ? machine : machine.substring(0, elf);
    }

    public boolean passed() {
        return status() == BinaryCheckStatus.PASS;
    }

    public boolean mismatched() {
        return status() == BinaryCheckStatus.MISMATCH;
    }

    @Override
    public String toString() {
        return status() + " (" + reason + "): " + message;
    }
}
