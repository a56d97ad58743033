package io.jenkins.plugins.multiarch.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.multiarch.config.FieldValidation;
import io.jenkins.plugins.multiarch.config.FormValidations;
import java.util.function.Supplier;
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

    /** A form check's answer for those who may configure the item; an OK, which reveals nothing, for anyone else. */
    public static FormValidation check(Item item, Supplier<FieldValidation> check) {
        return mayConfigure(item) ? FormValidations.of(check.get()) : FormValidation.ok();
    }
}
