// Compile-only stub of hudson.FilePath
// from org.jenkins-ci.main:jenkins-core:2.555.3 (jenkinsci/jenkins, tag jenkins-2.555.3).
// Only the members the plugin uses, with their real signatures; every body throws. Never shipped.
// Interface SerializableOnlyOverRemoting left out; FileCallable's supertype RoleSensitive left out (the plugin
// extends MasterToSlaveFileCallable, which implements it).
package hudson;

import hudson.model.Computer;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;

public final class FilePath implements Serializable {

    private FilePath() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public Computer toComputer() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public String getRemote() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public <T> T act(final FileCallable<T> callable) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public interface FileCallable<T> extends Serializable {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }
}
