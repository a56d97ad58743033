package io.jenkins.plugins.multiarch.cli;

import picocli.CommandLine;

/** The version from the jar's manifest, or "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = MultiarchCommand.class.getPackage().getImplementationVersion();
        return new String[] {"multiarch " + (version == null ? "(development build)" : version)};
    }
}
