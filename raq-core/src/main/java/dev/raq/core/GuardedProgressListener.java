package dev.raq.core;

import org.jspecify.annotations.Nullable;

/**
 * A user's {@link ProgressListener} wrapped once: calls are serialized, and one that throws is logged (the first at
 * WARNING with its stack trace, later ones at DEBUG with a count) and never stops the run. {@link #NONE} is the null
 * object for an evaluation without a listener.
 */
final class GuardedProgressListener {

    static final GuardedProgressListener NONE = new GuardedProgressListener(null);

    private static final System.Logger LOG = System.getLogger(Evaluation.class.getName());

    private final @Nullable ProgressListener listener;
    private int failures; // guarded by this

    GuardedProgressListener(@Nullable ProgressListener listener) {
        this.listener = listener;
    }

    /** True when there is a listener to tell, so that the caller can skip computing the progress. */
    boolean active() {
        return listener != null;
    }

    synchronized void onProgress(Progress progress) {
        if (listener != null) {
            guarded(() -> listener.onProgress(progress));
        }
    }

    synchronized void onReportStep(String step, int done, int total) {
        if (listener != null) {
            guarded(() -> listener.onReportStep(step, done, total));
        }
    }

    private void guarded(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            boolean first = failures++ == 0;
            LOG.log(first ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG,
                    "the progress listener threw (" + failures + " times so far); the evaluation goes on", e);
        }
    }
}
