// Compile-only stub of net.sf.json.JSONArray
// from org.kohsuke.stapler:json-lib:2.4-jenkins-15 (jenkinsci/json-lib, the version jenkins-core 2.555.3 pins).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Supertypes (AbstractJSON, JSON, List<Object>, Comparable) left out.
package net.sf.json;

public final class JSONArray {

    public JSONArray() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
