package io.jenkins.plugins.multiarch.cli;

/** How results are printed on standard output. */
enum OutputFormat {
    text, json
}
