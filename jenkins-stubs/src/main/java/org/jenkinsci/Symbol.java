// Compile-only stub of org.jenkinsci.Symbol
// from org.jenkins-ci:symbol-annotation:1.26 (jenkinsci/structs-plugin, annotation/ module before its removal; version from jenkins-core 2.555.3's bom).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// @Indexed left out: no index is built here.
package org.jenkinsci;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

@Retention(RUNTIME)
@Target({TYPE})
@Documented
public @interface Symbol {
    String[] value();
}
