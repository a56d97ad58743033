package io.jenkins.plugins.multiarch.config;

import jenkins.model.Jenkins;

/**
 * Global settings belong to no item, so their form checks and list boxes answer only those who may configure Jenkins;
 * anyone else gets an OK or an empty list, which reveals nothing (no credential IDs, no verdict on a value).
 */
final class AdministerPermission {

    private AdministerPermission() {
    }

    static boolean isGranted() {
        return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
    }
}
