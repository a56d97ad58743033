package io.jenkins.plugins.multiarch.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.Item;
import jenkins.model.Jenkins;

/**
 * Who may ask the steps' form checks and list boxes (the snippet generator's): as the credentials consumer guide
 * says, on an item those who may read its configuration or use its credentials; without one, administrators.
 * Anyone else gets an OK or only the value already chosen, which reveals nothing.
 */
public final class ItemPermission {

    private ItemPermission() {
    }

    public static boolean mayConfigure(Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        }
        return item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }
}
