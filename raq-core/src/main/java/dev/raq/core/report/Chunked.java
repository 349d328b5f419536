package dev.raq.core.report;

import java.util.Arrays;
import java.util.Objects;

/**
 * A growable array kept in chunks of a primitive array type {@code A} ({@value #CHUNK} values each, the first one
 * growing to it): growing past a chunk never copies, so a million doubles take 8 MB, not up to 16 while an array
 * doubles, and at most one chunk is partly empty.
 */
abstract class Chunked<A> {

    private static final int CHUNK_BITS = 12;
    static final int CHUNK = 1 << CHUNK_BITS;

    private Object[] chunks = new Object[4];
    /** The number of values. */
    int n;

    abstract A allocate(int length);

    abstract A resize(A chunk, int length);

    abstract int length(A chunk);

    /** The chunk that the next value goes into, at {@code n & (CHUNK - 1)}; the caller then increments n. */
    @SuppressWarnings("unchecked")
    final A next() {
        int c = n >>> CHUNK_BITS;
        if (c == chunks.length) {
            chunks = Arrays.copyOf(chunks, c * 2);
        }
        A chunk = (A) chunks[c];
        int at = n & (CHUNK - 1);
        if (chunk == null) {
            chunk = allocate(c == 0 ? 16 : CHUNK);
        } else if (at == length(chunk)) { // the first chunk grows to full size: small reports stay small
            chunk = resize(chunk, 2 * at);
        } else {
            return chunk;
        }
        chunks[c] = chunk;
        return chunk;
    }

    /** The chunk holding value {@code i}. */
    @SuppressWarnings("unchecked")
    final A chunkOf(int i) {
        Objects.checkIndex(i, n);
        return (A) chunks[i >>> CHUNK_BITS];
    }

    /** A growable array of doubles. */
    static final class Doubles extends Chunked<double[]> {
        void add(double v) {
            next()[n & (CHUNK - 1)] = v;
            n++;
        }

        double get(int i) {
            return chunkOf(i)[i & (CHUNK - 1)];
        }

        @Override
        double[] allocate(int length) {
            return new double[length];
        }

        @Override
        double[] resize(double[] chunk, int length) {
            return Arrays.copyOf(chunk, length);
        }

        @Override
        int length(double[] chunk) {
            return chunk.length;
        }
    }

    /** A growable array of ints. */
    static final class Ints extends Chunked<int[]> {
        void add(int v) {
            next()[n & (CHUNK - 1)] = v;
            n++;
        }

        int get(int i) {
            return chunkOf(i)[i & (CHUNK - 1)];
        }

        @Override
        int[] allocate(int length) {
            return new int[length];
        }

        @Override
        int[] resize(int[] chunk, int length) {
            return Arrays.copyOf(chunk, length);
        }

        @Override
        int length(int[] chunk) {
            return chunk.length;
        }
    }

    /** A growable array of bytes, read as unsigned (0–255). */
    static final class Bytes extends Chunked<byte[]> {
        void add(int v) {
            next()[n & (CHUNK - 1)] = (byte) v;
            n++;
        }

        int get(int i) {
            return chunkOf(i)[i & (CHUNK - 1)] & 0xFF;
        }

        @Override
        byte[] allocate(int length) {
            return new byte[length];
        }

        @Override
        byte[] resize(byte[] chunk, int length) {
            return Arrays.copyOf(chunk, length);
        }

        @Override
        int length(byte[] chunk) {
            return chunk.length;
        }
    }
}
