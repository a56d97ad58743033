package io.jenkins.plugins.multiarch.engine.publish;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/** What a publish did in one further target repository ({@code --also-to}): the tags it wrote and left alone. */
public final class TargetResult implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String repository;
    private final List<String> tagsWritten;
    private final List<String> tagsUnchanged;

    /**
     * @param repository    {@code registry/repository}
     * @param tagsWritten   tags now pointing at the index that did not before (in a dry run: would be written)
     * @param tagsUnchanged tags that already pointed at it
     */
    public TargetResult(String repository, List<String> tagsWritten, List<String> tagsUnchanged) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.tagsWritten = List.copyOf(tagsWritten);
        this.tagsUnchanged = List.copyOf(tagsUnchanged);
    }

    public String repository() {
        return repository;
    }

    public List<String> tagsWritten() {
        return tagsWritten;
    }

    public List<String> tagsUnchanged() {
        return tagsUnchanged;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TargetResult t && repository.equals(t.repository) && tagsWritten.equals(t.tagsWritten)
                && tagsUnchanged.equals(t.tagsUnchanged);
    }

    @Override
    public int hashCode() {
        return Objects.hash(repository, tagsWritten, tagsUnchanged);
    }

    @Override
    public String toString() {
        return "TargetResult[" + repository + ", written=" + tagsWritten + ", unchanged=" + tagsUnchanged + "]";
    }
}
