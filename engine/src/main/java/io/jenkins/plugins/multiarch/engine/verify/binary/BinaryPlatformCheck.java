package io.jenkins.plugins.multiarch.engine.verify.binary;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Checks that the program an image starts is built for the image's platform, the mistake behind
 * {@code exec format error}: e.g. an amd64 binary copied into a linux/arm64 image.
 *
 * <p>The program is what the runtime would execute: Entrypoint[0], else Cmd[0] (shell form is stored as
 * {@code /bin/sh -c …}, so it checks {@code /bin/sh}). Names without a slash are looked up through the image's PATH,
 * relative names against WorkingDir. A {@code #!} script is followed to its interpreter (for
 * {@code #!/usr/bin/env X}, to X via PATH) up to {@link #MAX_SCRIPT_DEPTH} times, as the kernel does. Then the ELF
 * header decides.
 *
 * <p>Policy for files that are not ELF programs:
 * <ul>
 *   <li>a file starting with {@code \x7fELF} whose header is truncated or corrupt, or whose type is not executable
 *       (a relocatable object, a core dump), is a {@link BinaryCheckStatus#MISMATCH}: no host could run it;</li>
 *   <li>any other file (text without {@code #!}, unknown binary formats) is {@link BinaryCheckStatus#NOT_CHECKED}:
 *       it may be run by a binfmt_misc handler, and its architecture cannot be judged here.</li>
 * </ul>
 * A missing program, and reading stopped by the byte budget, are also NOT_CHECKED, never failures. Errors reading a
 * layer blob (network, corrupt compression) are thrown, naming the layer.
 */
public final class BinaryPlatformCheck {

    /** The kernel follows at most this many nested {@code #!} interpreters before failing with ELOOP. */
    public static final int MAX_SCRIPT_DEPTH = 5;

    private final long byteBudget;

    /** With the default budget of {@link ByteBudget#DEFAULT_LIMIT} compressed bytes per image. */
    public BinaryPlatformCheck() {
        this(ByteBudget.DEFAULT_LIMIT);
    }

    /** @param byteBudget the most compressed layer bytes to read per checked image */
    public BinaryPlatformCheck(long byteBudget) {
        if (byteBudget <= 0) {
            throw new IllegalArgumentException("The byte budget must be positive, got " + byteBudget);
        }
        this.byteBudget = byteBudget;
    }

    /**
     * @param imageRef the image as the caller names it in messages, e.g. {@code registry/app:1.0@sha256:…}
     * @param expected the platform the image claims (from its index entry or config)
     * @param config   the run settings from the image config
     * @param layers   the layers in manifest order, bottom first; opened lazily, newest first
     * @throws IOException when a layer blob cannot be read; a budget stop is a result, not an exception
     */
    public BinaryCheckResult check(String imageRef, ExpectedPlatform expected, ImageRunConfig config,
            List<LayerSource> layers) throws IOException {
        ByteBudget budget = new ByteBudget(byteBudget);
        ResultBuilder result = new ResultBuilder(imageRef, expected, budget);
        if (!expected.checkable()) {
            return result.notChecked(BinaryCheckReason.UNSUPPORTED_PLATFORM,
                    "only linux platforms with a known architecture ("
                            + String.join(", ", new TreeSet<>(ExpectedPlatform.CHECKABLE_ARCHITECTURES)) + ") are checked");
        }
        String program = config.program();
        if (program == null) {
            return result.notChecked(BinaryCheckReason.NO_PROGRAM,
                    "the image config sets neither Entrypoint nor Cmd, so there is no program to check");
        }
        try {
            return follow(program, config, new ImageFilesystem(layers, budget), result);
        } catch (ByteBudgetExceededException e) {
            return result.notChecked(BinaryCheckReason.BUDGET_EXCEEDED, "stopped after reading "
                    + ByteBudget.format(e.used()) + " of compressed layers, over the byte budget of "
                    + ByteBudget.format(e.limit()) + "; raise the budget to check this image");
        }
    }

    private static BinaryCheckResult follow(String program, ImageRunConfig config, ImageFilesystem fs,
            ResultBuilder result) throws IOException {
        result.chain.add(program);
        String name = program;
        for (int scripts = 0; ; scripts++) {
            boolean searchPath = !name.contains("/");
            FileLookup lookup = searchPath
                    ? fs.findExecutable(config.searchPathFor(name))
                    : fs.open(ImagePath.resolve(config.workingDirectory(), name));
            if (lookup instanceof FileLookup.Missing) {
                String why = searchPath
                        ? name + " is not an executable file in any PATH directory (PATH=" + config.path() + ")"
                        : ((FileLookup.Missing) lookup).reason();
                return result.notChecked(BinaryCheckReason.FILE_NOT_FOUND,
                        why + result.runAs() + "; containers would fail with 'no such file or directory'");
            }
            ImageFile file = ((FileLookup.Found) lookup).file();
            result.reached(file);
            Shebang shebang = Shebang.parse(file.head());
            if (shebang == null) {
                return judge(file, result);
            }
            if (scripts == MAX_SCRIPT_DEPTH) {
                return result.notChecked(BinaryCheckReason.SCRIPT_TOO_DEEP, "more than " + MAX_SCRIPT_DEPTH
                        + " nested #! interpreters (" + result.chainText() + "); Linux refuses to run that");
            }
            result.chain.add("#! " + shebang.line());
            if (shebang.interpreter().isEmpty()) {
                return result.notChecked(BinaryCheckReason.NOT_ELF,
                        file.path() + " starts with #! but names no interpreter" + result.runAs());
            }
            String envProgram = shebang.usesEnv() ? shebang.envProgram() : null;
            name = envProgram != null ? envProgram : shebang.interpreter();
        }
    }

    private static BinaryCheckResult judge(ImageFile file, ResultBuilder result) {
        String path = file.path();
        String runAs = result.runAs();
        ElfIdentity identity = ElfIdentity.of(file.head());
        if (identity instanceof ElfIdentity.NotElf) {
            return result.notChecked(BinaryCheckReason.NOT_ELF,
                    path + " is not an ELF program (it " + ((ElfIdentity.NotElf) identity).summary() + ")" + runAs);
        }
        if (identity instanceof ElfIdentity.MalformedElf) {
            return result.verdict(BinaryCheckReason.INVALID_ELF, null, path
                    + " starts like an ELF file but is not a valid ELF program ("
                    + ((ElfIdentity.MalformedElf) identity).problem() + ")" + runAs
                    + "; hosts would fail with 'exec format error'");
        }
        ElfHeader header = ((ElfIdentity.Elf) identity).header();
        String description = header.description();
        if (!header.type().runnable()) {
            return result.verdict(BinaryCheckReason.INVALID_ELF, description, path + " is " + description
                    + ", not a program" + runAs + "; hosts would fail with 'exec format error'");
        }
        PlatformMatch match = PlatformMatch.of(result.expected, header);
        if (match.matches()) {
            return result.verdict(BinaryCheckReason.MATCHES, description,
                    path + " is " + description + runAs + ", as expected");
        }
        return result.verdict(BinaryCheckReason.WRONG_ARCHITECTURE, description,
                path + " is " + description + runAs + "; " + match.consequence());
    }

    /** Collects what one check learned and words the result. */
    private static final class ResultBuilder {
        private final String imageRef;
        private final ExpectedPlatform expected;
        private final ByteBudget budget;
        private final List<String> chain = new ArrayList<>();
        private ImageFile file;

        ResultBuilder(String imageRef, ExpectedPlatform expected, ByteBudget budget) {
            this.imageRef = imageRef;
            this.expected = expected;
            this.budget = budget;
        }

        void reached(ImageFile reachedFile) {
            this.file = reachedFile;
            if (!chain.get(chain.size() - 1).equals(reachedFile.path())) {
                chain.add(reachedFile.path());
            }
        }

        String chainText() {
            return String.join(" -> ", chain);
        }

        /** {@code " (run as /entrypoint.sh -> #! /bin/sh -> /bin/busybox)"}, or nothing for a direct program. */
        String runAs() {
            return chain.size() > 1 ? " (run as " + chainText() + ")" : "";
        }

        BinaryCheckResult notChecked(BinaryCheckReason reason, String text) {
            return build(reason, null, "binary not checked: " + text);
        }

        BinaryCheckResult verdict(BinaryCheckReason reason, String detected, String text) {
            return build(reason, detected, text);
        }

        private BinaryCheckResult build(BinaryCheckReason reason, String detected, String text) {
            return new BinaryCheckResult(reason, file == null ? null : file.path(), chain, detected,
                    file == null ? null : file.layerDigest(), budget.used(),
                    expected + " image " + imageRef + ": " + text);
        }
    }
}
