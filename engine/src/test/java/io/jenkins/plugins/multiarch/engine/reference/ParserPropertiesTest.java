package io.jenkins.plugins.multiarch.engine.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;
import io.jenkins.plugins.multiarch.engine.platform.InvalidPlatformException;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import io.jenkins.plugins.multiarch.engine.publish.PlatformSource;
import io.jenkins.plugins.multiarch.testkit.FaultCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Properties of the platform and reference parsers over thousands of generated inputs (seeded, so a failure names
 * its seed and input and can be replayed): what they print they parse back to the same value, and no input at all
 * makes them throw anything but their own InvalidInputException subtype, with a message free of control characters.
 *
 * <p>Generated with a seeded {@link Random} rather than jqwik: jqwik 1.10's engine prints a notice asking AI agents
 * not to use it, and this test was written by one.
 */
class ParserPropertiesTest {

    private static final long SEED = Long.getLong("parserProperties.seed", 20261203L);
    private static final int CASES = 3000;

    private static final String[] OS = {"linux", "windows", "darwin", "freebsd", "netbsd", "openbsd", "solaris",
        "illumos", "aix", "android", "plan9", "wasip1", "zos", "Linux", "LINUX", "macos", "osx", "win"};
    private static final String[] ARCH = {"amd64", "arm64", "arm", "386", "ppc64le", "ppc64", "s390x", "riscv64",
        "mips64le", "mips64", "mipsle", "mips", "loong64", "wasm", "x86_64", "x86-64", "x64", "aarch64", "armhf",
        "armel", "i386", "i686", "AMD64"};
    private static final String[] VARIANT = {"v5", "v6", "v7", "v8", "v8.1", "v9", "v9.2", "v1", "v2", "v3", "v4",
        "V7"};

    private final Random random = new Random(SEED);

    @Test
    @FaultCase(area = "parsers", fault = "3,000 generated platforms, aliases and case included (parse, print, parse)",
            outcome = "every one that parses prints to a text that parses to the same platform")
    void aParsedPlatformPrintsToWhatParsesBackToIt() {
        int parsed = 0;
        for (int i = 0; i < CASES; i++) {
            String text = pick(OS) + "/" + pick(ARCH) + (random.nextInt(3) == 0 ? "/" + pick(VARIANT) : "");
            Platform platform;
            try {
                platform = Platform.parse(text);
            } catch (InvalidPlatformException refused) {
                continue; // e.g. a variant the architecture does not have
            }
            parsed++;
            assertThat(Platform.parse(platform.toString())).as(replay(text)).isEqualTo(platform);
            assertThat(Platform.parse(platform.toString()).toString()).as(replay(text)).isEqualTo(platform.toString());
        }
        assertThat(parsed).as("most generated platforms are valid").isGreaterThan(CASES / 2);
    }

    @Test
    @FaultCase(area = "parsers", fault = "3,000 generated image references (hosts, IPv6, ports, nested paths, tags,"
            + " digests; parse, print, parse)",
            outcome = "each prints as written and parses back to an equal reference")
    void aGeneratedReferencePrintsAsWrittenAndParsesBackToItself() {
        for (int i = 0; i < CASES; i++) {
            String text = reference();
            ImageReference reference = ImageReference.parse(text);

            assertThat(reference.toString()).as(replay(text)).isEqualTo(text);
            assertThat(ImageReference.parse(reference.toString())).as(replay(text)).isEqualTo(reference);
        }
    }

    @Test
    @FaultCase(area = "parsers", fault = "12,000 arbitrary strings: random Unicode, control characters, separators,"
            + " 10,000-character values and mutated valid inputs, for the platform, reference, digest and source"
            + " parsers",
            outcome = "each parses or throws the parser's own InvalidInputException subtype; no message holds a"
                    + " control character or runs past 1,000 characters")
    void noInputMakesAParserThrowAnythingButItsOwnError() {
        check(Platform::parse, InvalidPlatformException.class, this::platformLike);
        check(ImageReference::parse, InvalidReferenceException.class, this::referenceLike);
        check(Digest::parse, InvalidReferenceException.class, this::digestLike);
        check(PlatformSource::parse, InvalidInputException.class,
                () -> platformLike() + (random.nextBoolean() ? "=" : "") + referenceLike());
    }

    private void check(Function<String, ?> parser, Class<? extends InvalidInputException> own,
                       java.util.function.Supplier<String> inputs) {
        for (int i = 0; i < CASES; i++) {
            String text = i % 10 == 0 ? arbitrary() : inputs.get();
            try {
                parser.apply(text);
            } catch (RuntimeException e) {
                assertThat(e).as(replay(text)).isInstanceOf(own);
                assertThat(e.getMessage()).as(replay(text)).hasSizeLessThan(1000)
                        .doesNotContainPattern("[\\x00-\\x1f\\x7f-\\x9f\\u202a-\\u202e]");
            }
        }
    }

    // ---- generators ----

    private String replay(String input) {
        return "seed " + SEED + " (-DparserProperties.seed=" + SEED + "), input '" + input.replace("\u001b", "\\e")
                + "'";
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private String reference() {
        StringBuilder sb = new StringBuilder(registry());
        int components = 1 + random.nextInt(3);
        for (int c = 0; c < components; c++) {
            sb.append('/').append(pathComponent());
        }
        boolean tag = random.nextBoolean();
        boolean digest = !tag || random.nextInt(3) == 0;
        if (tag) {
            sb.append(':').append(tag());
        }
        if (digest) {
            sb.append('@').append(digest());
        }
        return sb.toString();
    }

    private String registry() {
        return switch (random.nextInt(4)) {
            case 0 -> "localhost:" + (1 + random.nextInt(65535));
            case 1 -> "[::1]:" + (1 + random.nextInt(65535));
            case 2 -> hostComponent() + "." + hostComponent() + (random.nextBoolean() ? ":" + (1 + random.nextInt(65535)) : "");
            default -> "127.0.0." + random.nextInt(256) + ":" + (1 + random.nextInt(65535));
        };
    }

    private String hostComponent() {
        String alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder sb = new StringBuilder().append(alnum.charAt(random.nextInt(alnum.length())));
        int middle = random.nextInt(8);
        for (int i = 0; i < middle; i++) {
            sb.append((alnum + "-").charAt(random.nextInt(alnum.length() + 1)));
        }
        return sb.append(alnum.charAt(random.nextInt(alnum.length()))).toString();
    }

    private String pathComponent() {
        String alnum = "abcdefghijklmnopqrstuvwxyz0123456789";
        String[] separators = {".", "_", "__", "-", "--"};
        StringBuilder sb = new StringBuilder();
        int parts = 1 + random.nextInt(3);
        for (int p = 0; p < parts; p++) {
            if (p > 0) {
                sb.append(pick(separators));
            }
            int length = 1 + random.nextInt(6);
            for (int i = 0; i < length; i++) {
                sb.append(alnum.charAt(random.nextInt(alnum.length())));
            }
        }
        return sb.toString();
    }

    private String tag() {
        String first = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
        StringBuilder sb = new StringBuilder().append(first.charAt(random.nextInt(first.length())));
        int rest = random.nextInt(random.nextInt(10) == 0 ? 128 : 12);
        for (int i = 0; i < rest; i++) {
            sb.append((first + ".-").charAt(random.nextInt(first.length() + 2)));
        }
        return sb.toString();
    }

    private String digest() {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            hex.append("0123456789abcdef".charAt(random.nextInt(16)));
        }
        return "sha256:" + hex;
    }

    private String platformLike() {
        return mutate(pick(OS) + "/" + pick(ARCH) + (random.nextBoolean() ? "/" + pick(VARIANT) : ""));
    }

    private String referenceLike() {
        return mutate(reference());
    }

    private String digestLike() {
        return mutate(random.nextBoolean() ? digest() : "sha512:" + digest().substring(7).repeat(2));
    }

    /** A valid input with a few characters inserted, deleted or replaced, sometimes from nasty alphabets. */
    private String mutate(String valid) {
        List<Character> chars = new ArrayList<>();
        for (char c : valid.toCharArray()) {
            chars.add(c);
        }
        int edits = random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = chars.isEmpty() ? 0 : random.nextInt(chars.size());
            switch (random.nextInt(3)) {
                case 0 -> chars.add(at, nastyChar());
                case 1 -> {
                    if (!chars.isEmpty()) {
                        chars.remove(at);
                    }
                }
                default -> {
                    if (!chars.isEmpty()) {
                        chars.set(at, nastyChar());
                    }
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        chars.forEach(sb::append);
        return sb.toString();
    }

    private char nastyChar() {
        String nasty = "/:@.=_-[]\\ \t\n\r\u001b\u0000\u007f\u009b\u202e\uFEFFÄé✓\uD83D";
        return random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : nasty.charAt(random.nextInt(nasty.length()));
    }

    private String arbitrary() {
        int length = random.nextInt(20) == 0 ? 10_000 : random.nextInt(80);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(random.nextInt(3) == 0 ? (char) random.nextInt(0x10000) : nastyChar());
        }
        return sb.toString();
    }
}
