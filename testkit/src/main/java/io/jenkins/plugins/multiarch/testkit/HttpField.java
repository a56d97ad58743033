package io.jenkins.plugins.multiarch.testkit;

/** One header line, with its name spelled as it was sent. */
record HttpField(String name, String value) {

    boolean is(String headerName) {
        return name.equalsIgnoreCase(headerName);
    }
}
