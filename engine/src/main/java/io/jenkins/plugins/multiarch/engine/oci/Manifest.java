package io.jenkins.plugins.multiarch.engine.oci;

/** What a registry returns for a manifest reference: an image manifest or an index of them. */
public sealed interface Manifest permits ImageManifest, ManifestIndex {

    String mediaType();
}
