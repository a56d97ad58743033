package io.jenkins.plugins.multiarch.engine.verify.binary;

/** {@code e_type}: what kind of ELF file this is. */
enum ElfType {
    NONE(0, "file of no type"),
    REL(1, "relocatable object"),
    EXEC(2, "executable"),
    /** Position-independent executables and shared libraries both have this type; the header cannot tell them apart. */
    DYN(3, "shared object (PIE)"),
    CORE(4, "core dump"),
    OTHER(-1, "file of an unknown type");

    private final int value;
    private final String noun;

    ElfType(int value, String noun) {
        this.value = value;
        this.noun = noun;
    }

    static ElfType of(int value) {
        for (ElfType type : values()) {
            if (type.value == value) {
                return type;
            }
        }
        return OTHER;
    }

    /** How descriptions name it: {@code executable}, {@code shared object (PIE)}. */
    public String noun() {
        return noun;
    }

    /** Whether the kernel's ELF loader would start it: only executables and PIEs. */
    public boolean runnable() {
        return this == EXEC || this == DYN;
    }
}
