package io.jenkins.plugins.multiarch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.multiarch.engine.imagebuild.BuildPhase;
import io.jenkins.plugins.multiarch.engine.platform.Platform;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BuildProgressDisplayTest {

    private static final Platform ARM_V7 = Platform.LINUX_ARM_V7;
    private static final Platform ARM64 = Platform.LINUX_ARM64;
    private static final String ESC = "\u001b";

    private final StringWriter err = new StringWriter();
    private final AtomicLong clock = new AtomicLong();
    private final ManualTicker ticker = new ManualTicker();

    /** The redraw timer, driven by the test: each {@link #tick()} is one timer tick. */
    private static final class ManualTicker implements BuildProgressDisplay.Ticker {
        private Runnable tick;
        private int starts;
        private boolean stopped;

        @Override
        public Ticking start(Runnable value) {
            tick = value;
            starts++;
            return () -> stopped = true;
        }

        void tick() {
            assertThat(tick).as("the display started its ticker").isNotNull();
            assertThat(stopped).as("the ticker was stopped").isFalse();
            tick.run();
        }
    }

    private BuildProgressDisplay display(boolean interactive) {
        return new BuildProgressDisplay(new PrintWriter(err), interactive, List.of(ARM64, ARM_V7), clock::get, ticker);
    }

    private void seconds(double s) {
        clock.set((long) (s * 1e9));
    }

    @Test
    void withoutATerminalEachChangeIsOneLineAndNothingIsRedrawn() {
        try (BuildProgressDisplay display = display(false)) {
            display.start();
            display.phase(ARM64, BuildPhase.QUEUED);
            display.phase(ARM64, BuildPhase.BUILDING);
            display.line("[linux/arm64] STEP 1/2: FROM scratch");
            seconds(1.25);
            display.phase(ARM64, BuildPhase.BUILDING); // the build step after the start: no new line
            display.phase(ARM64, BuildPhase.PUSHING);
            seconds(3);
            display.phase(ARM64, BuildPhase.DONE);
            display.phase(ARM_V7, BuildPhase.SKIPPED);
        }

        assertThat(ticker.starts).as("nothing is redrawn").isZero();
        assertThat(err.toString()).doesNotContain(ESC).isEqualTo(String.join(System.lineSeparator(),
                "[linux/arm64] -> building (0.0 s)",
                "[linux/arm64] STEP 1/2: FROM scratch",
                "[linux/arm64] -> pushing (1.3 s)",
                "[linux/arm64] -> done (3.0 s)",
                "[linux/arm/v7] -> skipped",
                ""));
    }

    @Test
    void onATerminalOutputScrollsAboveABlockThatIsRedrawnInPlace() {
        BuildProgressDisplay display = display(true);
        display.start();
        String first = err.toString();
        assertThat(first).isEqualTo(block("  linux/arm64   queued", "  linux/arm/v7  queued"));

        display.phase(ARM64, BuildPhase.BUILDING);
        seconds(2);
        display.line("[linux/arm64] STEP 1/2: FROM scratch");
        String afterLine = err.toString().substring(first.length());
        // Back up over the 2 block lines, erase, print the line, draw the block again below it.
        assertThat(afterLine).endsWith(ESC + "[2F" + ESC + "[J" + "[linux/arm64] STEP 1/2: FROM scratch"
                + System.lineSeparator() + block("  linux/arm64   building    2.0 s", "  linux/arm/v7  queued"));

        display.phase(ARM_V7, BuildPhase.BUILDING);
        seconds(4.5);
        display.phase(ARM64, BuildPhase.DONE);
        seconds(9);
        display.phase(ARM_V7, BuildPhase.FAILED);
        display.close();
        // The final block stays: each platform's end state and how long it took.
        assertThat(err.toString()).endsWith(ESC + "[2F" + ESC + "[J"
                + block("  linux/arm64   done        4.5 s", "  linux/arm/v7  failed      7.0 s"));

        display.line("after the builds");
        assertThat(err.toString()).endsWith("failed      7.0 s" + System.lineSeparator() + "after the builds"
                + System.lineSeparator());
    }

    @Test
    void onATerminalTheBlockIsRedrawnWhileNothingElseHappens() {
        BuildProgressDisplay display = display(true);
        display.start();
        display.start(); // once is enough
        display.phase(ARM64, BuildPhase.BUILDING);
        int before = err.toString().length();

        seconds(1);
        ticker.tick();
        assertThat(err.toString().substring(before)).isEqualTo(ESC + "[2F" + ESC + "[J"
                + block("  linux/arm64   building    1.0 s", "  linux/arm/v7  queued"));

        int beforeSecondTick = err.toString().length();
        seconds(2.5);
        ticker.tick();
        assertThat(err.toString().substring(beforeSecondTick)).isEqualTo(ESC + "[2F" + ESC + "[J"
                + block("  linux/arm64   building    2.5 s", "  linux/arm/v7  queued"));

        display.close();
        assertThat(ticker.starts).isEqualTo(1);
        assertThat(ticker.stopped).as("closing stops the ticker").isTrue();
    }

    @Test
    void theUsersTickerTicksUntilStopped() throws Exception {
        // The timer the command uses, on its own: it calls again and again. Waits for three calls, not for time.
        CountDownLatch threeTicks = new CountDownLatch(3);
        BuildProgressDisplay.Ticker.Ticking ticking = BuildProgressDisplay.every(1).start(threeTicks::countDown);
        try {
            assertThat(threeTicks.await(30, TimeUnit.SECONDS)).as("three ticks").isTrue();
        } finally {
            ticking.stop();
        }
    }

    private static String block(String... lines) {
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }
}
