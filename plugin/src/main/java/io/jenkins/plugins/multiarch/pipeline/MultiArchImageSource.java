package io.jenkins.plugins.multiarch.pipeline;

import java.net.URL;

/**
 * Where the {@code MultiArchImage} Groovy class is, for the variable that loads it and the allowlist that lets the
 * Pipeline's class loader find it. Only this one file is allowed, by its exact URL, not by a suffix that another
 * plugin's file could also end with.
 */
final class MultiArchImageSource {

    static final String CLASS_NAME = "io.jenkins.plugins.multiarch.pipeline.MultiArchImage";
    static final String FILE_NAME = "MultiArchImage.groovy";

    private MultiArchImageSource() {
    }

    /** The URL the plugin's class loader gives for the Groovy source; null only in a broken build. */
    static URL url() {
        return MultiArchImageSource.class.getResource(FILE_NAME);
    }

    /** Whether a URL the Pipeline's class loader is about to load is exactly this plugin's Groovy source. */
    static boolean isThis(String groovySourceFileUrl) {
        URL own = url();
        return own != null && own.toString().equals(groovySourceFileUrl);
    }
}
