package io.jenkins.plugins.multiarch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.multiarch.testkit.ReliabilityTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/reliability.md cannot drift from the tests: it must be exactly what the FaultCase annotations of the compiled
 * tests generate. Runs in the CLI module, the last of the reactor's modules whose tests it reads, so the testkit's and
 * engine's test classes are compiled by then.
 */
class ReliabilityDocumentTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void theDocumentIsWhatTheAnnotationsGenerate() throws Exception {
        List<ReliabilityTable.Row> rows = ReliabilityTable.rows(ReliabilityTable.testClassDirectories(ROOT));
        Path file = ROOT.resolve(ReliabilityTable.DOCUMENT);
        if (Boolean.getBoolean("reliability.write")) {
            // bin/reliability-table: write the document instead of comparing it.
            Files.writeString(file, ReliabilityTable.markdown(rows), StandardCharsets.UTF_8);
        }
        String document = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";

        assertThat(document)
                .as("docs/reliability.md is out of date with the @FaultCase annotations: run bin/reliability-table")
                .isEqualTo(ReliabilityTable.markdown(rows));
    }

    @Test
    void everyRowNamesItsAreaFaultAndOutcome() {
        List<ReliabilityTable.Row> rows = ReliabilityTable.rows(ReliabilityTable.testClassDirectories(ROOT));

        assertThat(rows).isNotEmpty().allSatisfy(row -> {
            assertThat(row.area()).isNotBlank();
            assertThat(row.fault()).isNotBlank();
            assertThat(row.outcome()).isNotBlank();
        });
    }
}
