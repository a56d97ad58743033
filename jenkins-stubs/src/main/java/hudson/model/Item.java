// Compile-only stub of hudson.model.Item
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Supertypes (PersistenceRoot, FullyNamed, ...) left out but AccessControlled: the plugin checks permissions on items.
package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

public interface Item extends AccessControlled {

    Permission EXTENDED_READ = null;
}
