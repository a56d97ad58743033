package io.jenkins.plugins.multiarch.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The generator reads annotations from class files it did not load. The classes are written here with ASM into a
 * temporary directory, so they never become rows of the real document.
 */
class ReliabilityTableTest {

    @TempDir
    Path classes;

    @Test
    void readsEveryAnnotatedMethodAndSortsByAreaThenTest() throws Exception {
        writeClass("a/ZetaTest", "slow", "bodies", "a body that drips | slowly", "fails after the deadline");
        writeClass("a/AlphaTest", "bad", "parsers", "a platform of 300 characters", "InvalidPlatformException");
        writeClass("a/BetaTest", "drop", "bodies", "a reset after the headers", "retried once");
        writeClass("a/PlainTest", null, null, null, null);

        List<ReliabilityTable.Row> rows = ReliabilityTable.rows(List.of(classes));

        assertThat(rows).containsExactly(
                new ReliabilityTable.Row("bodies", "a reset after the headers", "retried once", "BetaTest#drop"),
                new ReliabilityTable.Row("bodies", "a body that drips | slowly", "fails after the deadline",
                        "ZetaTest#slow"),
                new ReliabilityTable.Row("parsers", "a platform of 300 characters", "InvalidPlatformException",
                        "AlphaTest#bad"));
        assertThat(ReliabilityTable.markdown(rows))
                .contains("3 cases: bodies 2, parsers 1.")
                .contains("| bodies | a body that drips \\| slowly | fails after the deadline | `ZetaTest#slow` |")
                .contains("bin/reliability-table");
    }

    @Test
    void aModuleWithoutCompiledTestsIsNamed() {
        assertThatThrownBy(() -> ReliabilityTable.testClassDirectories(classes))
                .hasMessageContaining("testkit/target/test-classes does not exist")
                .hasMessageContaining("compile the tests first");
    }

    private void writeClass(String name, String method, String area, String fault, String outcome) throws Exception {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        if (method != null) {
            MethodVisitor visitor = writer.visitMethod(0, method, "()V", null, null);
            AnnotationVisitor annotation = visitor.visitAnnotation(Type.getDescriptor(FaultCase.class), true);
            annotation.visit("area", area);
            annotation.visit("fault", fault);
            annotation.visit("outcome", outcome);
            annotation.visitEnd();
            visitor.visitEnd();
        }
        writer.visitEnd();
        Path file = classes.resolve(name + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, writer.toByteArray());
    }
}
