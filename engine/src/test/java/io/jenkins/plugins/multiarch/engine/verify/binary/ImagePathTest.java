package io.jenkins.plugins.multiarch.engine.verify.binary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImagePathTest {

    @ParameterizedTest
    @CsvSource({
        "./usr/bin/, /usr/bin",
        "usr/bin, /usr/bin",
        "/usr/bin, /usr/bin",
        "usr//bin/./sh, /usr/bin/sh",
        "./, /",
        "../../etc/passwd, /etc/passwd",
        "usr/lib/../bin, /usr/bin",
    })
    void normalizesTarEntryNames(String raw, String expected) {
        assertThat(ImagePath.normalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "/usr/bin, dash, /usr/bin/dash",
        "/usr/bin, ../../bin/busybox, /bin/busybox",
        "/usr/bin, /bin/busybox, /bin/busybox",
        "/, usr/bin, /usr/bin",
        "/usr, ../../.., /",
    })
    void resolvesLinkTargetsWithinTheRoot(String directory, String target, String expected) {
        assertThat(ImagePath.resolve(directory, target)).isEqualTo(expected);
    }

    @Test
    void ancestry() {
        assertThat(ImagePath.isStrictAncestor("/usr", "/usr/bin")).isTrue();
        assertThat(ImagePath.isStrictAncestor("/", "/usr")).isTrue();
        assertThat(ImagePath.isStrictAncestor("/usr", "/usr")).isFalse();
        assertThat(ImagePath.isStrictAncestor("/usr", "/usrlocal/bin")).isFalse();
        assertThat(ImagePath.parent("/usr")).isEqualTo("/");
        assertThat(ImagePath.name("/usr/bin/sh")).isEqualTo("sh");
        assertThat(ImagePath.depth("/")).isZero();
        assertThat(ImagePath.depth("/usr/bin/sh")).isEqualTo(3);
        assertThat(ImagePath.prefix("/usr/bin/sh", 2)).isEqualTo("/usr/bin");
    }

    @ParameterizedTest
    @CsvSource({
        "/usr/lib/x, /usr/bin/sh, 1",
        "/usr/bin, /usr/bin/sh, 2",
        "/usr/binary, /usr/bin/sh, 1",
        "/, /usr/bin/sh, 0",
        "/opt, /usr/bin, 0",
    })
    void sharedDepthCountsWholeNames(String a, String b, int shared) {
        assertThat(ImagePath.sharedDepth(a, b)).isEqualTo(shared);
    }
}
