package io.jenkins.plugins.multiarch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The CLI runs on picocli compiled for Java 17 ({@code cli-picocli/}), not on the published jar, whose class files are
 * Java 5's (version 49): Java 25's AOT cache and JDK 17's CDS archives skip such classes ("Old class has been
 * linked"), so every {@code bin/multiarch} run would load and verify ~190 picocli classes from the jar again.
 */
class PicocliClassFilesTest {

    private static final int JAVA_17 = 61;
    private static final String COMMAND_LINE = "picocli/CommandLine.class";

    @Test
    void picocliOnTheClassPathIsCompiledForJava17OrLater() throws IOException {
        for (String resource : List.of(COMMAND_LINE, "picocli/CommandLine$Model$CommandSpec.class",
                "picocli/CommandLine$IExecutionExceptionHandler.class", "picocli/AutoComplete.class")) {
            URL url = CommandLine.class.getClassLoader().getResource(resource);
            assertThat(url).as(resource).isNotNull();
            assertThat(majorVersion(url))
                    .as("class-file major version of %s (%s): the start-up archive skips old classes (the published picocli"
                            + " jar's are 49), so picocli must come from multiarch-image-picocli, compiled for 17", resource, url)
                    .isGreaterThanOrEqualTo(JAVA_17);
        }
    }

    @Test
    void theClassPathHoldsOnePicocli() throws IOException {
        // A second copy (info.picocli:picocli arriving through some dependency) would make the shaded jar's
        // picocli classes depend on which the shade plugin happened to take first.
        List<URL> copies = Collections.list(CommandLine.class.getClassLoader().getResources(COMMAND_LINE));

        assertThat(copies).as("copies of %s on the class path; exclude info.picocli:picocli wherever it arrives",
                COMMAND_LINE).hasSize(1);
    }

    /** Bytes 6 and 7 of a class file, after the magic number and the minor version: the major version, big-endian. */
    private static int majorVersion(URL classFile) throws IOException {
        try (InputStream in = classFile.openStream()) {
            byte[] header = in.readNBytes(8);
            assertThat(header).as("class file header of %s", classFile).hasSize(8)
                    .startsWith((byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE);
            return ((header[6] & 0xFF) << 8) | (header[7] & 0xFF);
        }
    }
}
