package io.jenkins.plugins.multiarch.engine.verify.binary;

/** The OCI architecture of the JVM running the tests, to check a real program from this machine. */
final class HostArchitecture {

    private HostArchitecture() {
    }

    static String oci() {
        String arch = System.getProperty("os.arch");
        switch (arch) {
            case "amd64":
            case "x86_64":
                return "amd64";
            case "aarch64":
                return "arm64";
            case "ppc64le":
            case "s390x":
            case "riscv64":
                return arch;
            default:
                throw new IllegalStateException("Add os.arch '" + arch + "' to HostArchitecture to run this test here");
        }
    }
}
