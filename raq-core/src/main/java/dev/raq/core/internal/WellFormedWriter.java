package dev.raq.core.internal;

import org.apiguardian.api.API;

import java.io.IOException;
import java.io.Writer;

/**
 * Passes text on with every lone UTF-16 surrogate replaced by U+FFFD, and counts the replacements, so that any Java
 * string (model output can hold a lone surrogate) can be written as UTF-8. A high surrogate at the end of one write
 * is held until the next shows whether a low surrogate completes it. Runs of ordinary characters pass on in one
 * call. Not thread-safe, like most writers.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class WellFormedWriter extends Writer {

    private final Writer out;
    private char pendingHigh;
    private boolean hasPending;
    private long replaced;

    /** Wraps {@code out}, which this writer closes when it is closed. */
    public WellFormedWriter(Writer out) {
        this.out = out;
    }

    /** How many lone surrogates were replaced so far. */
    public long replaced() {
        return replaced;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        int end = off + len;
        int run = off; // start of the chars not yet passed on, which need no change
        for (int i = off; i < end; i++) {
            char c = buf[i];
            if (!Character.isSurrogate(c) && !hasPending) {
                continue;
            }
            out.write(buf, run, i - run);
            run = i + 1;
            if (hasPending) {
                hasPending = false;
                if (Character.isLowSurrogate(c)) {
                    out.write(pendingHigh);
                    out.write(c);
                    continue;
                }
                lone();
            }
            if (Character.isHighSurrogate(c)) {
                pendingHigh = c;
                hasPending = true;
            } else if (Character.isLowSurrogate(c)) {
                lone();
            } else {
                out.write(c);
            }
        }
        out.write(buf, run, end - run);
    }

    private void lone() throws IOException {
        replaced++;
        out.write('\uFFFD');
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Writes a high surrogate still waiting for its pair as U+FFFD, then closes the wrapped writer. */
    @Override
    public void close() throws IOException {
        if (hasPending) {
            hasPending = false;
            lone();
        }
        out.close();
    }
}
