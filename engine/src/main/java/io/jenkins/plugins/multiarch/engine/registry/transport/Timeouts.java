package io.jenkins.plugins.multiarch.engine.registry.transport;

import io.jenkins.plugins.multiarch.engine.error.InvalidInputException;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a registry request may take. Every request has a deadline as a whole, not only an idle limit, so a
 * registry that drips a byte every few seconds cannot hold an operation forever.
 *
 * @param connect  to open a connection
 * @param response for the response headers, and for a whole body read into memory (manifests, configs, tokens)
 * @param idle     a streamed body (a layer) may go this long without a byte
 * @param stream   a whole streamed body, download or upload
 */
public record Timeouts(Duration connect, Duration response, Duration idle, Duration stream) implements java.io.Serializable {

    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(15), Duration.ofSeconds(120),
            Duration.ofSeconds(120), Duration.ofMinutes(30));

    public Timeouts {
        for (Duration d : new Duration[] {connect, response, idle, stream}) {
            Objects.requireNonNull(d, "timeout");
            if (d.isNegative() || d.isZero()) {
                throw new InvalidInputException("timeouts must be positive, got " + d);
            }
        }
    }
}
