package dev.raq.stats.golden;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Comparisons with the tolerances of the golden README: a double matches when
 * {@code |a - e| <= max(rel * |e|, abs)}; a JSON {@code null} expects NaN (or "undefined").
 */
public final class GoldenAssert {

    /** The default relative tolerance of the golden README. */
    public static final double REL = 1e-9;
    /** The default absolute floor of the golden README. */
    public static final double ABS = 1e-12;

    private GoldenAssert() {
    }

    /** Asserts {@code actual} matches {@code expected} with the default tolerance. */
    public static void close(String what, double actual, JsonNode expected) {
        close(what, actual, expected, REL, ABS);
    }

    /**
     * Asserts {@code actual} matches {@code expected} within {@code max(rel*|e|, abs)}; null expects NaN or an
     * infinity (the golden files write both as null).
     */
    public static void close(String what, double actual, JsonNode expected, double rel, double abs) {
        if (expected == null || expected.isNull() || expected.isMissingNode()) {
            if (Double.isFinite(actual)) {
                throw new AssertionError(what + ": expected NaN/undefined but was " + actual);
            }
            return;
        }
        close(what, actual, expected.asDouble(), rel, abs);
    }

    /** Asserts {@code actual} is within {@code max(rel*|e|, abs)} of {@code expected}. */
    public static void close(String what, double actual, double expected, double rel, double abs) {
        double tol = Math.max(rel * Math.abs(expected), abs);
        if (!(Math.abs(actual - expected) <= tol) && !(actual == expected)) {
            throw new AssertionError(what + ": expected " + expected + " but was " + actual
                    + " (diff " + Math.abs(actual - expected) + ", tol " + tol + ")");
        }
    }

    /** Asserts a matrix elementwise with the given tolerance; null entries expect NaN. */
    public static void matrixClose(String what, double[][] actual, JsonNode expected, double rel, double abs) {
        if (actual.length != expected.size()) {
            throw new AssertionError(what + ": expected " + expected.size() + " rows but was " + actual.length);
        }
        for (int i = 0; i < actual.length; i++) {
            JsonNode row = expected.get(i);
            if (actual[i].length != row.size()) {
                throw new AssertionError(what + "[" + i + "]: expected " + row.size() + " columns but was "
                        + actual[i].length);
            }
            for (int j = 0; j < actual[i].length; j++) {
                close(what + "[" + i + "][" + j + "]", actual[i][j], row.get(j), rel, abs);
            }
        }
    }

    /** Reads a JSON array of numbers as doubles. */
    public static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    /** Reads a JSON array of arrays of numbers. */
    public static double[][] matrix(JsonNode array) {
        double[][] out = new double[array.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = doubles(array.get(i));
        }
        return out;
    }

    /** True when the expected object says the reference rejected the input. */
    public static boolean expectsError(JsonNode testCase) {
        return testCase.path("expected").has("error");
    }
}
