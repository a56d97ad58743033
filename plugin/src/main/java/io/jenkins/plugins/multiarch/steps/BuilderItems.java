package io.jenkins.plugins.multiarch.steps;

import hudson.model.Item;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.multiarch.config.BuilderChoice;

/** The builder list box of the build step and the freestyle build step: the global default first, then each tool. */
public final class BuilderItems {

    private BuilderItems() {
    }

    public static ListBoxModel of(Item item) {
        ListBoxModel items = new ListBoxModel();
        if (!ItemPermission.mayConfigure(item)) {
            return items;
        }
        items.add(Messages.MultiArchBuildStep_DefaultBuilder(), "");
        for (BuilderChoice choice : BuilderChoice.values()) {
            items.add(choice.displayName(), choice.id());
        }
        return items;
    }
}
