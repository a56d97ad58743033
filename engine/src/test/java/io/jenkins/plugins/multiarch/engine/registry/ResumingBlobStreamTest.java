package io.jenkins.plugins.multiarch.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.multiarch.engine.error.NotFoundException;
import io.jenkins.plugins.multiarch.engine.registry.transport.RegistryResponse;
import io.jenkins.plugins.multiarch.engine.registry.transport.RetryPolicy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The resume decisions of {@link ResumingBlobStream} that a real registry does not show: Distribution always honours
 * {@code Range}, so the restart from byte 0 (a registry or proxy that ignores ranges and answers 200), a 206 whose
 * range starts elsewhere, and a restarted body shorter than what was already read are driven here with scripted
 * responses. The 206 resume against a real registry is in {@code TransientFaultIntegrationTest}.
 */
class ResumingBlobStreamTest {

    private static final URI BLOB = URI.create("http://127.0.0.1:5000/v2/team/app/blobs/sha256:00");
    private static final RetryPolicy THREE_ATTEMPTS =
            new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(10));

    private final byte[] blob = new byte[100_000];
    private final List<Long> reopenedFrom = new ArrayList<>();
    private final List<Duration> waits = new ArrayList<>();

    ResumingBlobStreamTest() {
        new Random(7).nextBytes(blob);
    }

    @Test
    void aRegistryThatIgnoresTheRangeRestartsTheBlobAndTheBytesAlreadyReadAreSkipped() throws IOException {
        ResumingBlobStream stream = new ResumingBlobStream(breaksAfter(blob, 0, 30_000), offset -> {
            reopenedFrom.add(offset);
            return RegistryResponse.ofStream(200, headers(Map.of()), BLOB, new ByteArrayInputStream(blob));
        }, THREE_ATTEMPTS, waits::add, "layer sha256:00");

        assertThat(stream.readAllBytes()).isEqualTo(blob);
        assertThat(reopenedFrom).containsExactly(30_000L);
        // one backoff wait, through the injected sleeper: between half and all of the first delay (equal jitter)
        assertThat(waits).singleElement().satisfies(wait ->
                assertThat(wait).isBetween(Duration.ofMillis(50), Duration.ofMillis(100)));
    }

    @Test
    void a206ResumesFromTheByteItBrokeAtAcrossTwoBreaks() throws IOException {
        ResumingBlobStream stream = new ResumingBlobStream(breaksAfter(blob, 0, 10_000), offset -> {
            reopenedFrom.add(offset);
            InputStream rest = offset == 10_000 ? breaksAfter(blob, 10_000, 40_000)
                    : new ByteArrayInputStream(blob, (int) offset, blob.length - (int) offset);
            return RegistryResponse.ofStream(206, headers(Map.of("Content-Range",
                    "bytes " + offset + "-" + (blob.length - 1) + "/" + blob.length)), BLOB, rest);
        }, THREE_ATTEMPTS, waits::add, "layer sha256:00");

        assertThat(stream.readAllBytes()).isEqualTo(blob);
        assertThat(reopenedFrom).containsExactly(10_000L, 50_000L);
        assertThat(waits).hasSize(2);
    }

    @Test
    void a206ThatStartsAtAnotherByteIsRefusedRatherThanSplicedIn() {
        ResumingBlobStream stream = new ResumingBlobStream(breaksAfter(blob, 0, 10_000), offset ->
                RegistryResponse.ofStream(206, headers(Map.of("Content-Range", "bytes 0-99999/100000")), BLOB,
                        new ByteArrayInputStream(blob)), THREE_ATTEMPTS, waits::add, "layer sha256:00");

        assertThatThrownBy(stream::readAllBytes).isInstanceOf(IOException.class)
                .hasMessageContaining("from byte 10000").hasMessageContaining("starts at 0");
    }

    @Test
    void aRestartedBodyShorterThanWhatWasReadFailsNamingBothCounts() {
        ResumingBlobStream stream = new ResumingBlobStream(breaksAfter(blob, 0, 30_000), offset ->
                RegistryResponse.ofStream(200, headers(Map.of()), BLOB,
                        new ByteArrayInputStream(Arrays.copyOf(blob, 20_000))), THREE_ATTEMPTS, waits::add,
                "layer sha256:00");

        assertThatThrownBy(stream::readAllBytes).isInstanceOf(IOException.class)
                .hasMessageContaining("ended after 20000 bytes").hasMessageContaining("30000 already read");
    }

    @Test
    void afterTheLastAttemptTheBreakIsReportedWithThePositionAndResumes() {
        ResumingBlobStream stream = new ResumingBlobStream(breaksAfter(blob, 0, 1_000), offset -> {
            reopenedFrom.add(offset);
            return RegistryResponse.ofStream(206, headers(Map.of("Content-Range",
                    "bytes " + offset + "-99999/100000")), BLOB, breaksAfter(blob, (int) offset, 1_000));
        }, THREE_ATTEMPTS, waits::add, "layer sha256:00");

        assertThatThrownBy(stream::readAllBytes).isInstanceOf(IOException.class)
                .hasMessageContaining("broke after 3000 bytes and 2 resumes");
        assertThat(reopenedFrom).containsExactly(1_000L, 2_000L);
    }

    @Test
    void aRegistryErrorOnReopeningEndsTheDownloadWithBothCauses() {
        ResumingBlobStream stream = new ResumingBlobStream(breaksAfter(blob, 0, 5_000), offset -> {
            throw NotFoundException.of("127.0.0.1:5000", "blob unknown to registry", List.of());
        }, THREE_ATTEMPTS, waits::add, "layer sha256:00");

        assertThatThrownBy(stream::readAllBytes).isInstanceOf(IOException.class)
                .hasMessageContaining("broke after 5000 bytes").hasMessageContaining("could not be resumed")
                .hasMessageContaining("blob unknown to registry");
    }

    @Test
    void anInterruptWhileWaitingToResumeStopsWithoutReopening() {
        ResumingBlobStream stream = new ResumingBlobStream(breaksAfter(blob, 0, 5_000), offset -> {
            reopenedFrom.add(offset);
            return RegistryResponse.ofStream(200, headers(Map.of()), BLOB, new ByteArrayInputStream(blob));
        }, THREE_ATTEMPTS, duration -> {
            throw new InterruptedException();
        }, "layer sha256:00");

        try {
            assertThatThrownBy(stream::readAllBytes).isInstanceOf(InterruptedIOException.class)
                    .hasMessageContaining("interrupted while resuming layer sha256:00");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(reopenedFrom).isEmpty();
        } finally {
            Thread.interrupted(); // leave the test thread as it was
        }
    }

    @Test
    void rangeStartReadsTheFirstByteOfAContentRange() {
        assertThat(ResumingBlobStream.rangeStart("bytes 100-999/1000")).isEqualTo(100);
        assertThat(ResumingBlobStream.rangeStart("items 1-2/3")).isEqualTo(-1);
        assertThat(ResumingBlobStream.rangeStart("bytes x-1/2")).isEqualTo(-1);
    }

    /** {@code data[from..]}, failing like a reset connection after {@code count} bytes. */
    private static InputStream breaksAfter(byte[] data, int from, int count) {
        return new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (served >= count) {
                    throw new IOException("Connection reset");
                }
                int n = Math.min(len, Math.min(count - served, data.length - from - served));
                System.arraycopy(data, from + served, b, off, n);
                served += n;
                return n;
            }
        };
    }

    private static HttpHeaders headers(Map<String, String> values) {
        Map<String, List<String>> lists = new java.util.HashMap<>();
        values.forEach((k, v) -> lists.put(k, List.of(v)));
        return HttpHeaders.of(lists, (k, v) -> true);
    }
}
