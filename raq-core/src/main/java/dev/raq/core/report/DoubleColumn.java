package dev.raq.core.report;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.Objects;

/**
 * A growable column of doubles that takes one byte a value while it holds at most {@value #MAX_CODES} distinct
 * values: each byte is the value's place in a dictionary of the values seen. Ranks of a few candidates, grades,
 * pass/fail and coarse scores (what a report's columns nearly always hold) stay there, so a million ranks take 1 MB
 * instead of 8. The first value beyond the dictionary turns the column into plain doubles. Values read back bit for
 * bit as they were added (NaN and −0.0 included). Not thread-safe.
 */
final class DoubleColumn {

    /** The most distinct values a column keeps as one-byte codes. */
    static final int MAX_CODES = 256;

    private double[] dictionary = new double[4];
    private int distinct;
    private int lastCode = -1;
    private Chunked.@Nullable Bytes codes = new Chunked.Bytes();
    private Chunked.@Nullable Doubles values;
    private int size;

    void add(double v) {
        Chunked.Bytes c = codes;
        if (c != null) {
            int code = codeOf(v);
            if (code >= 0) {
                c.add(code);
                size++;
                return;
            }
            widen(c);
        }
        Objects.requireNonNull(values).add(v);
        size++;
    }

    double get(int i) {
        Chunked.Bytes c = codes;
        return c != null ? dictionary[c.get(i)] : Objects.requireNonNull(values).get(i);
    }

    int size() {
        return size;
    }

    /** Whether the values are still one-byte codes: then {@link #code} and {@link #decode} read them. */
    boolean coded() {
        return codes != null;
    }

    /** The number of distinct values while {@link #coded()}: codes run from 0 to this, exclusive. */
    int distinct() {
        return distinct;
    }

    /** The code of value i, while {@link #coded()}. */
    int code(int i) {
        return Objects.requireNonNull(codes, "the column is no longer coded").get(i);
    }

    /** The value a code stands for. */
    double decode(int code) {
        Objects.checkIndex(code, distinct);
        return dictionary[code];
    }

    /** The value's code, adding it to the dictionary when there is room; -1 when there is none. */
    private int codeOf(double v) {
        long bits = Double.doubleToRawLongBits(v);
        if (lastCode >= 0 && Double.doubleToRawLongBits(dictionary[lastCode]) == bits) {
            return lastCode;
        }
        for (int i = 0; i < distinct; i++) {
            if (Double.doubleToRawLongBits(dictionary[i]) == bits) {
                lastCode = i;
                return i;
            }
        }
        if (distinct == MAX_CODES) {
            return -1;
        }
        if (distinct == dictionary.length) {
            dictionary = Arrays.copyOf(dictionary, distinct * 2);
        }
        dictionary[distinct] = v;
        lastCode = distinct;
        return distinct++;
    }

    /** Turns the codes into plain doubles, for good. */
    private void widen(Chunked.Bytes c) {
        Chunked.Doubles plain = new Chunked.Doubles();
        for (int i = 0; i < size; i++) {
            plain.add(dictionary[c.get(i)]);
        }
        values = plain;
        codes = null;
        dictionary = new double[0];
        distinct = 0;
        lastCode = -1;
    }
}
