// Compile-only stub of org.jenkinsci.plugins.variant.OptionalExtension
// from org.jenkins-ci.plugins:variant (jenkinsci/variant-plugin, HEAD of 2026-08).
// Only the members the plugin uses, with their real signatures. Never shipped.
// Members ordinal, requireClasses and requireVariants, and @Indexable, left out: no index is built here.
package org.jenkinsci.plugins.variant;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

@Retention(RUNTIME)
@Target({TYPE, METHOD, FIELD})
@Documented
public @interface OptionalExtension {

    String[] requirePlugins() default {};
}
