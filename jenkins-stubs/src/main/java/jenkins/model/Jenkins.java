// Compile-only stub of jenkins.model.Jenkins
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Superclass AbstractCIBase and most interfaces left out; ItemGroup<TopLevelItem> (really through DirectlyModifiableTopLevelItemGroup) and AccessControlled kept, as the plugin uses Jenkins as both.
package jenkins.model;

import hudson.model.ItemGroup;
import hudson.model.TopLevelItem;
import hudson.security.AccessControlled;
import hudson.security.Permission;

public class Jenkins implements ItemGroup<TopLevelItem>, AccessControlled {

    public static final Permission ADMINISTER = null;

    private Jenkins() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
