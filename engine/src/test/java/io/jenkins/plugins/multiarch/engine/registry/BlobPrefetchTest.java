package io.jenkins.plugins.multiarch.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.multiarch.engine.error.RegistryException;
import io.jenkins.plugins.multiarch.engine.reference.Digest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a blob opened ahead of need promises: the taker gets the stream that was opened (no second open), each start
 * serves one taker, and whatever nobody takes is closed with the prefetch, however the close and the open interleave.
 * The interleavings are forced with a held executor and latches, not with timing.
 */
class BlobPrefetchTest {

    private static final byte[] BLOB = "layer bytes".getBytes(StandardCharsets.UTF_8);
    private static final String KEY = "registry/team/app@" + Digest.sha256(BLOB);

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theTakerGetsTheStreamOpenedAheadAndNothingIsOpenedAgain() throws IOException {
        Opener opener = new Opener();
        try (BlobPrefetch prefetch = new BlobPrefetch(Runnable::run)) {
            prefetch.start(KEY, opener);
            VerifiedBlobStream taken = prefetch.open(KEY, opener::notExpected);
            assertThat(taken).isSameAs(opener.opened.get(0));
            assertThat(taken.readAllBytes()).isEqualTo(BLOB);
        }
        assertThat(opener.count.get()).isEqualTo(1);
    }

    @Test
    void twoImagesSharingALayerEachGetAStreamOfTheirOwn() {
        Opener opener = new Opener();
        try (BlobPrefetch prefetch = new BlobPrefetch(Runnable::run)) {
            prefetch.start(KEY, opener);
            prefetch.start(KEY, opener);
            VerifiedBlobStream first = prefetch.open(KEY, opener::notExpected);
            VerifiedBlobStream second = prefetch.open(KEY, opener::notExpected);
            assertThat(first).isNotSameAs(second);
            // A third reader (a second pass over the layer) opens it then.
            Opener later = new Opener();
            assertThat(prefetch.open(KEY, later)).isSameAs(later.opened.get(0));
        }
        assertThat(opener.count.get()).isEqualTo(2);
    }

    @Test
    void aStreamNobodyTookIsClosedWithThePrefetch() {
        Opener opener = new Opener();
        BlobPrefetch prefetch = new BlobPrefetch(Runnable::run);
        prefetch.start(KEY, opener);
        prefetch.start(KEY, opener);
        VerifiedBlobStream taken = prefetch.open(KEY, opener::notExpected);
        prefetch.close();
        assertThat(opener.closed(taken)).isFalse();
        assertThat(opener.closed(opener.opened.get(1))).isTrue();
    }

    @Test
    void closedBeforeTheOpenRanNothingIsOpened() {
        List<Runnable> held = new ArrayList<>();
        Opener opener = new Opener();
        BlobPrefetch prefetch = new BlobPrefetch(held::add);
        prefetch.start(KEY, opener);
        prefetch.close();
        held.forEach(Runnable::run);
        assertThat(opener.count.get()).isZero();
    }

    @Test
    void closedWhileOpeningTheStreamIsClosedWhenTheOpenEnds() throws InterruptedException {
        CountDownLatch opening = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        Opener opener = new Opener(opening, mayFinish);
        CountDownLatch openEnded = new CountDownLatch(1);
        BlobPrefetch prefetch = new BlobPrefetch(task -> threads.execute(() -> {
            task.run();
            openEnded.countDown();
        }));
        prefetch.start(KEY, opener);
        assertThat(opening.await(10, TimeUnit.SECONDS)).isTrue();
        prefetch.close();
        mayFinish.countDown();
        assertThat(openEnded.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(opener.closed(opener.opened.get(0))).isTrue();
    }

    @Test
    void aTakerWaitsForAnOpenStillRunning() throws Exception {
        CountDownLatch opening = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        Opener opener = new Opener(opening, mayFinish);
        try (BlobPrefetch prefetch = new BlobPrefetch(threads)) {
            prefetch.start(KEY, opener);
            assertThat(opening.await(10, TimeUnit.SECONDS)).isTrue();
            var taking = threads.submit(() -> prefetch.open(KEY, opener::notExpected));
            mayFinish.countDown();
            assertThat(taking.get(10, TimeUnit.SECONDS)).isSameAs(opener.opened.get(0));
        }
    }

    @Test
    void aFailedOpenAheadFailsTheTakerWithTheRegistrysError() {
        RegistryException refused = RegistryException.of(RegistryException.builder("registry",
                "registry answered GET blob with HTTP 500").status(500));
        try (BlobPrefetch prefetch = new BlobPrefetch(Runnable::run)) {
            prefetch.start(KEY, () -> {
                throw refused;
            });
            assertThatThrownBy(() -> prefetch.open(KEY, () -> {
                throw new AssertionError("the failed open ahead must not be tried again here");
            })).isSameAs(refused);
        }
    }

    @Test
    void aClosedPrefetchStartsNothingAndNoneOpensEachBlobWhenRead() {
        Opener opener = new Opener();
        BlobPrefetch prefetch = new BlobPrefetch(Runnable::run);
        prefetch.close();
        prefetch.start(KEY, opener);
        assertThat(opener.count.get()).isZero();

        BlobPrefetch.none().start(KEY, opener);
        assertThat(opener.count.get()).isZero();
        assertThat(BlobPrefetch.none().open(KEY, opener)).isSameAs(opener.opened.get(0));
    }

    /** Opens in-memory blob streams, remembering each and whether it was closed; may wait on latches while opening. */
    private static final class Opener implements Supplier<VerifiedBlobStream> {
        final AtomicInteger count = new AtomicInteger();
        final List<VerifiedBlobStream> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<VerifiedBlobStream> closedStreams = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final CountDownLatch opening;
        private final CountDownLatch mayFinish;

        Opener() {
            this(new CountDownLatch(1), new CountDownLatch(0));
        }

        Opener(CountDownLatch opening, CountDownLatch mayFinish) {
            this.opening = opening;
            this.mayFinish = mayFinish;
        }

        @Override
        public VerifiedBlobStream get() {
            count.incrementAndGet();
            opening.countDown();
            try {
                if (!mayFinish.await(10, TimeUnit.SECONDS)) {
                    throw new AssertionError("the test never let the open finish");
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            VerifiedBlobStream[] self = new VerifiedBlobStream[1];
            self[0] = new VerifiedBlobStream(new ByteArrayInputStream(BLOB) {
                @Override
                public void close() {
                    closedStreams.add(self[0]);
                }
            }, Digest.sha256(BLOB), BLOB.length, "registry", "team/app@" + Digest.sha256(BLOB));
            opened.add(self[0]);
            return self[0];
        }

        VerifiedBlobStream notExpected() {
            throw new AssertionError("the blob was opened again instead of taking the stream opened ahead");
        }

        boolean closed(VerifiedBlobStream stream) {
            return closedStreams.contains(stream);
        }
    }
}
