package io.fssdk.cli;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The live progress line on stderr: records in (with the rate the progress bar library computes),
 * records out, errors and the guest's memory. Drawn by {@code me.tongfei:progressbar} (over JLine) on
 * its own thread, so the run only updates numbers. On only when stderr is a terminal, or with
 * {@code --progress}.
 */
final class Progress implements AutoCloseable {
    private final ProgressBar bar;

    Progress(PrintStream err, String operator) {
        this.bar = new ProgressBarBuilder()
                .setTaskName(operator)
                .setInitialMax(-1) // a stream has no end to measure against
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" rec", 1)
                .showSpeed()
                .hideEta() // a stream has no end to estimate
                .setMaxRenderedLength(140) // when stderr is not a terminal there is no width to ask
                .setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(err))
                .build();
    }

    /** Updates the numbers; the line is redrawn on the library's schedule. */
    void update(long in, long out, long errors, long memoryBytes) {
        bar.stepTo(in);
        bar.setExtraMessage(String.format(Locale.ROOT, " | out %d | err %d | mem %d MiB", out, errors,
                memoryBytes >> 20));
    }

    @Override
    public void close() {
        bar.close();
    }
}
