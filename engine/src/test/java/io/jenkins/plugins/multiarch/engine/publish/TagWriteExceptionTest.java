package io.jenkins.plugins.multiarch.engine.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.error.RegistryException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a user is told when a tag could not be written: which tags now point at the index, and which do not. */
class TagWriteExceptionTest {

    static final Digest INDEX = new Digest("sha256", "a".repeat(64));
    static final RegistryException DENIED = RegistryException.of(RegistryException.builder("r", "registry r answered PUT app:latest with HTTP 400").status(400));

    @Test
    void namesTheTagsWrittenTheFailedOneAndThoseNotTried() {
        TagWriteException e = new TagWriteException(INDEX, List.of("1.0"), List.of(), List.of("latest", "stable"), DENIED);

        assertThat(e).hasMessage("index sha256:" + "a".repeat(64) + " written under 1.0; writing latest failed:"
                + " registry r answered PUT app:latest with HTTP 400; not written: latest, stable");
        assertThat(e.problems()).containsExactly("writing latest failed: registry r answered PUT app:latest with HTTP 400");
        assertThat(e).hasCause(DENIED).isInstanceOf(PublishException.class);
    }

    @Test
    void whenTheFirstTagFailsNothingWasPublished() {
        TagWriteException e = new TagWriteException(INDEX, List.of(), List.of(), List.of("1.0", "latest"), DENIED);

        assertThat(e).hasMessage("nothing was published: writing 1.0 failed: registry r answered PUT app:latest with"
                + " HTTP 400; not written: 1.0, latest");
        assertThat(e.tagsWritten()).isEmpty();
    }

    @Test
    void tagsThatAlreadyPointedAtTheIndexAreNamedToo() {
        TagWriteException before = new TagWriteException(INDEX, List.of(), List.of("1.0"), List.of("latest"), DENIED);
        TagWriteException both = new TagWriteException(INDEX, List.of("1.0"), List.of("v1"), List.of("latest"), DENIED);

        assertThat(before).hasMessageStartingWith("index sha256:" + "a".repeat(64) + " already under 1.0; writing latest"
                + " failed: ");
        assertThat(both).hasMessageStartingWith("index sha256:" + "a".repeat(64) + " written under 1.0 (already under"
                + " v1); writing latest failed: ");
    }
}
