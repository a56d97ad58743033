package io.jenkins.plugins.multiarch.engine.architecture;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a compiled class refers to, read from its constant pool: the methods it calls ({@code java/lang/System.getenv})
 * , the classes it names and the string constants it holds. Written here because the JDK 17 has no class-file API
 * and a bytecode library would be a dependency for one test; the constant pool layout is fixed by JVMS §4.4.
 */
final class ClassReferences {

    final String className;
    final Set<String> methods = new HashSet<>();
    final Set<String> classes = new HashSet<>();
    final Set<String> strings = new HashSet<>();

    private ClassReferences(String className) {
        this.className = className;
    }

    static ClassReferences read(Path classFile) throws IOException {
        try (InputStream raw = Files.newInputStream(classFile); DataInputStream in = new DataInputStream(raw)) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IOException(classFile + " is not a class file");
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            Object[] pool = new Object[count];
            List<int[]> methodRefs = new ArrayList<>();
            List<Integer> classRefs = new ArrayList<>();
            List<Integer> stringRefs = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> pool[i] = in.readUTF();
                    case 3, 4 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    case 7 -> classRefs.add(i) ;
                    case 8 -> stringRefs.add(i);
                    case 9, 10, 11 -> methodRefs.add(new int[] {i, in.readUnsignedShort(), in.readUnsignedShort()});
                    case 12 -> pool[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    case 16, 19, 20 -> in.readUnsignedShort();
                    case 17, 18 -> in.readInt();
                    default -> throw new IOException(classFile + ": unknown constant pool tag " + tag);
                }
                if (tag == 7 || tag == 8) {
                    pool[i] = in.readUnsignedShort();
                }
            }
            in.readUnsignedShort(); // access flags
            int thisClass = in.readUnsignedShort();
            ClassReferences refs = new ClassReferences((String) pool[(Integer) pool[thisClass]]);
            for (int index : classRefs) {
                refs.classes.add((String) pool[(Integer) pool[index]]);
            }
            for (int index : stringRefs) {
                refs.strings.add((String) pool[(Integer) pool[index]]);
            }
            for (int[] ref : methodRefs) {
                String owner = (String) pool[(Integer) pool[ref[1]]];
                int[] nameAndType = (int[]) pool[ref[2]];
                refs.methods.add(owner + "." + pool[nameAndType[0]]);
            }
            return refs;
        }
    }
}
