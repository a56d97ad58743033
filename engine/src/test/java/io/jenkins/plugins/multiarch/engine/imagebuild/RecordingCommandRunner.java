package io.jenkins.plugins.multiarch.engine.imagebuild;

import io.jenkins.plugins.multiarch.engine.process.CommandRunner;
import io.jenkins.plugins.multiarch.engine.process.LineSink;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Records every command and answers with a script: a test-supplied function of the call. */
public final class RecordingCommandRunner implements CommandRunner {

    /** One recorded command. */
    public record Call(List<String> argv, Map<String, String> env, Path workDir) {
        public boolean has(String arg) {
            return argv.contains(arg);
        }

        /** The value after {@code flag}. */
        public String after(String flag) {
            int i = argv.indexOf(flag);
            if (i < 0 || i + 1 >= argv.size()) {
                throw new AssertionError("no " + flag + " in " + argv);
            }
            return argv.get(i + 1);
        }
    }

    /** Decides a call's output and exit code. */
    @FunctionalInterface
    public interface Script {
        int answer(Call call, LineSink output) throws Exception;
    }

    private final List<Call> calls = new ArrayList<>();
    private final Script script;

    public RecordingCommandRunner(Script script) {
        this.script = script;
    }

    @Override
    public int run(List<String> argv, Map<String, String> env, Path workDir, LineSink output)
            throws java.io.IOException, InterruptedException {
        Call call = new Call(List.copyOf(argv), Map.copyOf(env), workDir);
        synchronized (calls) {
            calls.add(call);
        }
        try {
            return script.answer(call, output);
        } catch (java.io.IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }
}
