package io.jenkins.plugins.multiarch.engine.error;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A registry request that failed. Carries what a caller needs to decide without parsing the message: the registry,
 * the HTTP status if an answer came, the registry's error codes, whether trying again may help and, if the registry
 * said so, how long to wait first. The message names the registry, what was asked and what to do; it never holds a
 * credential.
 */
public class RegistryException extends MultiarchException {

    private static final long serialVersionUID = 1L;

    private final String registry;
    private final int status; // 0: no answer
    private final List<RegistryError> errors;
    private final boolean retryable;
    private final Duration retryAfter; // null: the registry did not say

    protected RegistryException(Builder<?> b) {
        super(b.message, b.cause);
        this.registry = Objects.requireNonNull(b.registry, "registry");
        this.status = b.status;
        this.errors = List.copyOf(b.errors);
        this.retryable = b.retryable;
        this.retryAfter = b.retryAfter;
    }

    /** A failure with this message; the other properties from {@code builder}. */
    public static RegistryException of(Builder<?> builder) {
        return new RegistryException(builder);
    }

    public static Builder<?> builder(String registry, String message) {
        return new Builder<>(registry, message);
    }

    /** The registry as references name it, e.g. {@code registry.example.com:5000}. */
    public String registry() {
        return registry;
    }

    /** The HTTP status of the answer; empty where no answer came. */
    public OptionalInt status() {
        return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** The registry's error entries, in the order it gave them; empty if its body had none. */
    public List<RegistryError> errors() {
        return errors;
    }

    /** True if any error entry has this code (e.g. {@link RegistryError#MANIFEST_BLOB_UNKNOWN}). */
    public boolean hasCode(String code) {
        return errors.stream().anyMatch(e -> e.code().equals(code));
    }

    /** Whether the same request may succeed if sent again (429, 5xx meaning "not now", connection failures). */
    public boolean retryable() {
        return retryable;
    }

    /** How long the registry asked to wait before trying again ({@code Retry-After}), if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** What makes a {@link RegistryException} or a subclass. */
    public static class Builder<B extends Builder<B>> {
        private final String registry;
        private final String message;
        private Throwable cause;
        private int status;
        private List<RegistryError> errors = List.of();
        private boolean retryable;
        private Duration retryAfter;

        protected Builder(String registry, String message) {
            this.registry = registry;
            this.message = message;
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        public B cause(Throwable value) {
            this.cause = value;
            return self();
        }

        /** The HTTP status; 0 for none. */
        public B status(int value) {
            this.status = value;
            return self();
        }

        public B errors(List<RegistryError> value) {
            this.errors = List.copyOf(value);
            return self();
        }

        public B retryable(boolean value) {
            this.retryable = value;
            return self();
        }

        public B retryAfter(Duration value) {
            this.retryAfter = value;
            return self();
        }

        public RegistryException build() {
            return new RegistryException(this);
        }
    }
}
