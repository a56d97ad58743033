package io.jenkins.plugins.multiarch.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test as one row of {@code docs/reliability.md}: the fault or bad input the test tries and the outcome it
 * asserts. The table is generated from these annotations, so the document lists only what a test proves.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface FaultCase {

    /** The group of the row, e.g. "bodies", "deadlines", "retries", "concurrency", "TLS", "output", "leftovers", "parsers". */
    String area();

    /** What was tried, as a registry or a user would do it ("a manifest body that never ends"). */
    String fault();

    /** What the test asserts happens ("fails after 4 MiB naming the limit; nothing published"). */
    String outcome();
}
