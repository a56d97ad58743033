package io.jenkins.plugins.multiarch.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * {@code docs/reliability.md}, generated from the {@link FaultCase} annotations of the compiled tests. The class files
 * are read with ASM rather than loaded, so neither the tests' dependencies nor their static initialisers are needed.
 *
 * <p>{@code bin/reliability-table} compiles the tests of {@link #MODULES} and has the CLI module's
 * ReliabilityDocumentTest write the document; {@code java ... ReliabilityTable ROOT} does the same from compiled tests.
 */
public final class ReliabilityTable {

    /** The modules whose {@code target/test-classes} are read, in the reactor's order. */
    public static final List<String> MODULES = List.of("testkit", "engine", "cli");

    /** Where the table is written, relative to the repository root. */
    public static final String DOCUMENT = "docs/reliability.md";

    private static final String FAULT_CASE = Type.getDescriptor(FaultCase.class);

    private ReliabilityTable() {
    }

    /** One row: a test method and what its annotation says. */
    public record Row(String area, String fault, String outcome, String test) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ReliabilityTable REPOSITORY_ROOT");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        List<Row> rows = rows(testClassDirectories(root));
        Files.writeString(root.resolve(DOCUMENT), markdown(rows), StandardCharsets.UTF_8);
        System.out.println("wrote " + root.resolve(DOCUMENT) + ": " + rows.size() + " rows");
    }

    /** Each module's compiled test classes; fails naming the missing one (compile the tests first). */
    public static List<Path> testClassDirectories(Path root) {
        List<Path> directories = new ArrayList<>();
        for (String module : MODULES) {
            Path classes = root.resolve(module).resolve("target/test-classes");
            if (!Files.isDirectory(classes)) {
                throw new IllegalStateException(classes + " does not exist: compile the tests first"
                        + " (bin/reliability-table does, or mvn test-compile)");
            }
            directories.add(classes);
        }
        return directories;
    }

    /** Every annotated test method under these class directories, sorted by area, then test. */
    public static List<Row> rows(List<Path> classDirectories) {
        List<Row> rows = new ArrayList<>();
        for (Path directory : classDirectories) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class")).sorted()::iterator) {
                    try (InputStream in = Files.newInputStream(file)) {
                        read(new ClassReader(in), rows);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read test classes under " + directory, e);
            }
        }
        rows.sort(Comparator.comparing(Row::area).thenComparing(Row::test).thenComparing(Row::fault));
        return rows;
    }

    /** The whole document. */
    public static String markdown(List<Row> rows) {
        Map<String, Integer> perArea = new LinkedHashMap<>();
        rows.forEach(row -> perArea.merge(row.area(), 1, Integer::sum));
        StringBuilder sb = new StringBuilder();
        sb.append("# Reliability: faults and bad inputs tried, and what happened\n\n");
        sb.append("Generated from the `@FaultCase(area, fault, outcome)` annotations of the tests in ")
                .append(String.join(", ", MODULES.stream().map(m -> "`" + m + "/`").toList()))
                .append("; every row is a test that asserts the outcome. Do not edit by hand: regenerate with ")
                .append("`bin/reliability-table` (compiles the tests and rewrites this file). ")
                .append("`ReliabilityDocumentTest` fails when this file and the annotations differ.\n\n");
        sb.append(rows.size()).append(" cases: ");
        List<String> counts = new ArrayList<>();
        perArea.forEach((area, count) -> counts.add(area + " " + count));
        sb.append(String.join(", ", counts)).append(".\n\n");
        sb.append("| area | fault or bad input | outcome | test |\n|---|---|---|---|\n");
        for (Row row : rows) {
            sb.append("| ").append(cell(row.area())).append(" | ").append(cell(row.fault())).append(" | ")
                    .append(cell(row.outcome())).append(" | `").append(cell(row.test())).append("` |\n");
        }
        return sb.toString();
    }

    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").trim();
    }

    private static void read(ClassReader reader, List<Row> rows) {
        String className = reader.getClassName().substring(reader.getClassName().lastIndexOf('/') + 1)
                .replace('$', '.');
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                        if (!FAULT_CASE.equals(annotation)) {
                            return null;
                        }
                        Map<String, String> values = new LinkedHashMap<>();
                        return new AnnotationVisitor(Opcodes.ASM9) {
                            @Override
                            public void visit(String key, Object value) {
                                values.put(key, String.valueOf(value));
                            }

                            @Override
                            public void visitEnd() {
                                rows.add(new Row(values.get("area"), values.get("fault"), values.get("outcome"),
                                        className + "#" + name));
                            }
                        };
                    }
                };
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    }
}
