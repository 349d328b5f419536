package dev.raq.examples.study;

import dev.raq.core.Progress;
import dev.raq.core.ProgressListener;

import java.io.PrintStream;

/**
 * Prints one line each time another tenth of the samples is done (every sample when there are ten or fewer), so a
 * live run that takes minutes shows it is alive without flooding the console.
 */
final class ProgressPrinter implements ProgressListener {

    private final PrintStream out;
    private int lastPrinted;

    ProgressPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onProgress(Progress progress) {
        int done = progress.samplesDone();
        int step = Math.max(1, progress.samplesTotal() / 10);
        if (done > lastPrinted && (done - lastPrinted >= step || done == progress.samplesTotal())) {
            lastPrinted = done;
            out.println("  " + progress);
        }
    }
}
