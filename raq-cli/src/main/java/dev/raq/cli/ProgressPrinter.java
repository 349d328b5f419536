package dev.raq.cli;

import dev.raq.core.Progress;
import dev.raq.core.ProgressListener;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows an evaluation's progress: on a terminal, one line redrawn in place with a bar, done/total, errors, calls
 * per second and the time left; elsewhere (CI logs) a plain line at every tenth of the samples, so a log stays short.
 * The terminal is told apart by picocli's check of the console; a one-line bar needs no terminal library.
 */
final class ProgressPrinter implements ProgressListener {

    /** How progress is shown. */
    enum Mode {
        /** A bar on a terminal, lines otherwise. */
        AUTO,
        /** A bar redrawn in place. */
        BAR,
        /** A line at every tenth. */
        LINES,
        /** Nothing. */
        NONE
    }

    private static final int WIDTH = 24;

    private final PrintWriter out;
    private final Mode mode;
    private int lastTenth = -1;
    private boolean drawn;

    ProgressPrinter(PrintWriter out, Mode mode) {
        this.out = out;
        this.mode = mode == Mode.AUTO ? (System.console() != null ? Mode.BAR : Mode.LINES) : mode;
    }

    @Override
    public synchronized void onProgress(Progress p) {
        switch (mode) {
            case BAR -> {
                int filled = (int) Math.round(p.fraction() * WIDTH);
                out.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + describe(p) + "   ");
                drawn = true;
                if (p.samplesDone() == p.samplesTotal()) {
                    out.println();
                    drawn = false;
                }
                out.flush();
            }
            case LINES -> {
                int tenth = p.samplesTotal() == 0 ? 10 : (int) Math.floor(10.0 * p.samplesDone() / p.samplesTotal());
                if (tenth > lastTenth) {
                    lastTenth = tenth;
                    out.println("raq run: " + describe(p));
                    out.flush();
                }
            }
            default -> {
            }
        }
    }

    /** Shows which step of building the report is running (a report of a million samples takes seconds). */
    @Override
    public synchronized void onReportStep(String step, int done, int total) {
        if (mode == Mode.NONE || done == total) {
            return;
        }
        String text = String.format(Locale.ROOT, "building the report: %s (%d/%d)", step, done, total);
        if (mode == Mode.BAR) {
            out.print("\r" + text + " ".repeat(Math.max(0, 60 - text.length())));
            drawn = true;
        } else {
            out.println("raq run: " + text);
        }
        out.flush();
    }

    /** Ends a bar that was left half drawn (the run stopped early). */
    synchronized void finish() {
        if (drawn) {
            out.println();
            out.flush();
            drawn = false;
        }
    }

    static String describe(Progress p) {
        double seconds = Math.max(1e-3, p.elapsed().toNanos() / 1e9);
        double callsPerSecond = (p.answers() + p.judgments()) / seconds;
        return String.format(Locale.ROOT, "%d/%d samples, %d errors, %.1f calls/s%s", p.samplesDone(),
                p.samplesTotal(), p.answerErrors() + p.judgeErrors(), callsPerSecond,
                p.etaIfKnown().map(eta -> ", ETA " + clock(eta)).orElse(""));
    }

    private static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
