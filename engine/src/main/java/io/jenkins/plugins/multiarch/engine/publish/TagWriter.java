package io.jenkins.plugins.multiarch.engine.publish;

import io.jenkins.plugins.multiarch.engine.reference.Digest;
import io.jenkins.plugins.multiarch.engine.registry.RegistryClient;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the index under its tags one after another, in the order given, and stops at the first failure. In
 * parallel, a failure could leave any mix of tags written, and the user could not tell which; in order, the tags
 * written are exactly those before the failed one (the target's tag first), and {@link TagWriteException} says so.
 */
final class TagWriter {

    private final RegistryClient client;

    TagWriter(RegistryClient client) {
        this.client = client;
    }

    /** One tag to write: where, and how a failure's message names it. */
    record TagWrite(RegistryClient client, String repository, String tag, String label) {
    }

    /**
     * Writes tags of several repositories (perhaps on several registries) one after another, as {@link #write}.
     *
     * @param unchanged labels of the tags that already point at the index
     * @throws TagWriteException naming (by label) the tags written and those not written
     */
    static void writeInOrder(List<TagWrite> writes, List<String> unchanged, Digest indexDigest, byte[] index,
                             String mediaType) {
        List<String> written = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            TagWrite w = writes.get(i);
            try {
                w.client().putManifest(w.repository(), w.tag(), index, mediaType);
            } catch (RuntimeException e) {
                throw new TagWriteException(indexDigest, written, unchanged,
                        writes.subList(i, writes.size()).stream().map(TagWrite::label).toList(), e);
            }
            written.add(w.label());
        }
    }

    /**
     * @param tags      the tags to write, in order
     * @param unchanged tags that already point at the index (not written; named in a failure's message)
     * @throws TagWriteException naming the tags written and those not written
     */
    void write(String repository, List<String> tags, List<String> unchanged, Digest indexDigest, byte[] index,
               String mediaType) {
        List<String> written = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            try {
                client.putManifest(repository, tags.get(i), index, mediaType);
            } catch (RuntimeException e) {
                throw new TagWriteException(indexDigest, written, unchanged, tags.subList(i, tags.size()), e);
            }
            written.add(tags.get(i));
        }
    }
}
