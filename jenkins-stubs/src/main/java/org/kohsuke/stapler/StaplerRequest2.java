// Compile-only stub of org.kohsuke.stapler.StaplerRequest2
// from org.kohsuke.stapler:stapler:2076.v1b_a_c12445eb_e (jenkinsci/stapler, the version jenkins-core 2.555.3 pins); the older stapler 1.263 from Maven Central, used for the annotations, lacks it.
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Supertype jakarta.servlet.http.HttpServletRequest and every method left out: the plugin only passes a request on.
package org.kohsuke.stapler;

public interface StaplerRequest2 {
}
