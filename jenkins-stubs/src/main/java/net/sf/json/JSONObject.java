// Compile-only stub of net.sf.json.JSONObject
// from org.kohsuke.stapler:json-lib:2.4-jenkins-15 (jenkinsci/json-lib, the version jenkins-core 2.555.3 pins).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Supertypes (AbstractJSON, JSON, Map<String, Object>, Comparable) left out: put(String, Object) is the real class's own.
package net.sf.json;

public final class JSONObject {

    private JSONObject() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public boolean has(String key) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public Object put(String key, Object value) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
