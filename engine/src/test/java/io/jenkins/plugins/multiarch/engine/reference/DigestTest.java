package io.jenkins.plugins.multiarch.engine.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigestTest {

    /** SHA-256 of no bytes at all, and of "abc" (FIPS 180-2 test vector). */
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    static final String ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void parsesAlgorithmAndHex() {
        Digest digest = Digest.parse("sha256:" + EMPTY_SHA256);

        assertThat(digest.algorithm()).isEqualTo("sha256");
        assertThat(digest.hex()).isEqualTo(EMPTY_SHA256);
        assertThat(digest).hasToString("sha256:" + EMPTY_SHA256).isEqualTo(new Digest("sha256", EMPTY_SHA256));
    }

    @Test
    void parsesSha512() {
        String hex = "ab".repeat(64);
        assertThat(Digest.parse("sha512:" + hex).hex()).isEqualTo(hex);
    }

    @Test
    void sha256OfKnownInputs() {
        assertThat(Digest.sha256(new byte[0])).hasToString("sha256:" + EMPTY_SHA256);
        assertThat(Digest.sha256("abc".getBytes(StandardCharsets.US_ASCII))).hasToString("sha256:" + ABC_SHA256);
    }

    @Test
    void matchesOnlyTheContentItWasTakenOf() {
        byte[] content = "{\"schemaVersion\":2}".getBytes(StandardCharsets.UTF_8);
        Digest digest = Digest.sha256(content);

        assertThat(digest.matches(content)).isTrue();
        assertThat(digest.matches("{\"schemaVersion\":3}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(digest.matches(new byte[0])).isFalse();
        assertThat(Digest.parse("sha256:" + EMPTY_SHA256).matches(new byte[0])).isTrue();
    }

    @Test
    void matchesWithSha512() throws Exception {
        byte[] content = "abc".getBytes(StandardCharsets.US_ASCII);
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(content));

        assertThat(new Digest("sha512", hex).matches(content)).isTrue();
        assertThat(new Digest("sha512", hex).matches(new byte[0])).isFalse();
    }

    @Test
    void newHasherComputesTheSameDigestIncrementally() {
        Digest digest = Digest.sha256("abc".getBytes(StandardCharsets.US_ASCII));
        MessageDigest hasher = digest.newHasher();
        hasher.update((byte) 'a');
        hasher.update("bc".getBytes(StandardCharsets.US_ASCII));

        assertThat(HexFormat.of().formatHex(hasher.digest())).isEqualTo(digest.hex());
    }

    @Test
    void shortFormIsTwelveHexCharacters() {
        assertThat(Digest.parse("sha256:" + EMPTY_SHA256).shortForm()).isEqualTo("e3b0c44298fc");
        assertThat(Digest.parse("sha512:" + "ab".repeat(64)).shortForm()).isEqualTo("abababababab");
    }

    @Test
    void algorithmsThatRegistriesDoNotUseAreRejectedWhenParsed() {
        assertThatThrownBy(() -> Digest.parse("blake3:abcDEF012"))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining("unsupported digest algorithm 'blake3'")
                .hasMessageContaining("sha256");
        assertThatThrownBy(() -> Digest.parse("md5:d41d8cd98f00b204e9800998ecf8427e"))
                .hasMessageContaining("unsupported digest algorithm 'md5'");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "sha256:abc                        | invalid sha256 digest 'sha256:abc': expected 64 lowercase hex characters",
            "sha256:" + EMPTY_SHA256 + "00     | expected 64 lowercase hex characters",
            "sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855 | expected 64 lowercase hex characters",
            "sha256:                           | invalid sha256 digest 'sha256:'",
            "sha512:abcd                       | invalid sha512 digest 'sha512:abcd': bad encoding",
            "SHA256:" + EMPTY_SHA256 + "       | invalid digest algorithm 'SHA256'; expected e.g. sha256",
            "sha-:abc                          | invalid digest algorithm 'sha-'",
            "e3b0c44298fc                      | invalid digest 'e3b0c44298fc': expected sha256:<64 hex characters>",
            ":abc                              | invalid digest ':abc': expected sha256:<64 hex characters>",
            "''                                | invalid digest '': expected sha256:<64 hex characters>",
    })
    void rejectsMalformedDigests(String text, String message) {
        assertThatThrownBy(() -> Digest.parse(text))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining(message);
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> Digest.parse(null))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining("missing digest; expected sha256:<64 hex characters>");
    }
}
