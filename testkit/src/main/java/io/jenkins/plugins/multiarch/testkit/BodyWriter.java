package io.jenkins.plugins.multiarch.testkit;

import java.io.IOException;
import java.io.OutputStream;

/** Sends a response body its own way after the head; the connection is closed after it. */
interface BodyWriter {

    /** The header that frames the body, e.g. {@code Content-Length: 42} or {@code Transfer-Encoding: chunked}. */
    String framingHeader();

    /** Writes the body (or part of it); returning ends the connection. */
    void write(OutputStream out) throws IOException;
}
