package dev.raq.report.html;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * The report's chart types, drawn as SVG: intervals (a dot and a whisker per row, with a reference line and an
 * optional band), bars (one or more series), a heat map of p-values, a critical-difference diagram, a scatter plot
 * and stacked bars. RAQ draws them itself: the Java chart libraries (JFreeChart and the like) draw through AWT and
 * need the system's fonts for every label, which a CI machine may lack, and a browser-side chart library would leave
 * the Markdown report without pictures; these few chart types are short to draw and are tested like the rest.
 */
final class Charts {

    /** One row of an interval chart. */
    record Interval(String label, double value, double lower, double upper, String tooltip) {
    }

    private static final String INK = "#222";
    private static final String GRID = "#ddd";
    private static final String ACCENT = "#2f6db5";
    private static final String WARN = "#c0392b";
    private static final double ROW = 22;
    private static final double TOP = 30;

    private Charts() {
    }

    private static double labelWidth(List<String> labels) {
        int longest = 0;
        for (String l : labels) {
            longest = Math.max(longest, l.length());
        }
        return Math.min(420, 16 + 6.6 * longest);
    }

    /** Maps [lo, hi] to [x0, x1]. */
    private record Scale(double lo, double hi, double x0, double x1) {
        static Scale of(double lo, double hi, double x0, double x1) {
            if (!(hi > lo)) {
                double pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1;
                return new Scale(lo - pad, hi + pad, x0, x1);
            }
            double pad = (hi - lo) * 0.05;
            return new Scale(lo - pad, hi + pad, x0, x1);
        }

        double at(double v) {
            return x0 + (v - lo) / (hi - lo) * (x1 - x0);
        }

        List<Double> ticks() {
            double span = hi - lo;
            double step = Math.pow(10, Math.floor(Math.log10(span / 5)));
            for (double m : new double[] {1, 2, 5, 10}) {
                if (span / (step * m) <= 6) {
                    step *= m;
                    break;
                }
            }
            List<Double> ticks = new ArrayList<>();
            for (double t = Math.ceil(lo / step) * step; t <= hi + 1e-12; t += step) {
                ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
            }
            return ticks;
        }
    }

    private static void xAxis(Svg svg, Scale scale, double top, double bottom, String axis) {
        for (double t : scale.ticks()) {
            double x = scale.at(t);
            svg.line(x, top, x, bottom, GRID, 1).text(x, bottom + 14, Svg.label(t), "middle", "#555");
        }
        svg.text((scale.x0() + scale.x1()) / 2, bottom + 30, axis, "middle");
    }

    /**
     * A dot with its interval per row, in the given order. {@code reference} draws a dashed line (0 for differences,
     * 0.5 for win rates); {@code band} shades reference ± band (the minimum detectable difference).
     */
    static String intervals(String title, String axis, List<Interval> rows, @Nullable Double reference,
                            @Nullable Double band) {
        List<String> labels = rows.stream().map(Interval::label).toList();
        double left = labelWidth(labels);
        double width = left + 420;
        double height = TOP + ROW * rows.size() + 44;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Interval r : rows) {
            for (double v : new double[] {r.value(), r.lower(), r.upper()}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (reference != null) {
            lo = Math.min(lo, reference - (band == null ? 0 : band));
            hi = Math.max(hi, reference + (band == null ? 0 : band));
        }
        if (!Double.isFinite(lo)) {
            lo = 0;
            hi = 1;
        }
        Scale x = Scale.of(lo, hi, left, width - 20);
        Svg svg = new Svg(width, height, title);
        svg.text(8, 18, title, "start");
        double bottom = TOP + ROW * rows.size();
        xAxis(svg, x, TOP - 6, bottom, axis);
        if (reference != null && band != null && band > 0) {
            svg.rect(x.at(reference - band), TOP - 6, x.at(reference + band) - x.at(reference - band),
                    bottom - TOP + 6, "#f3e3b8", "smaller than this could not be detected with 80% power");
        }
        if (reference != null) {
            svg.dashed(x.at(reference), TOP - 6, x.at(reference), bottom, "#777");
        }
        for (int i = 0; i < rows.size(); i++) {
            Interval r = rows.get(i);
            double y = TOP + ROW * i + ROW / 2;
            svg.text(left - 8, y + 4, r.label(), "end");
            if (Double.isFinite(r.lower()) && Double.isFinite(r.upper())) {
                svg.line(x.at(r.lower()), y, x.at(r.upper()), y, ACCENT, 2)
                        .line(x.at(r.lower()), y - 5, x.at(r.lower()), y + 5, ACCENT, 2)
                        .line(x.at(r.upper()), y - 5, x.at(r.upper()), y + 5, ACCENT, 2);
            }
            if (Double.isFinite(r.value())) {
                svg.circle(x.at(r.value()), y, 4.5, INK, r.tooltip());
            }
        }
        return svg.end();
    }

    /** Horizontal bars, one group per label and one bar per series; NaN values are left out. */
    static String bars(String title, String axis, List<String> labels, List<String> series, List<double[]> values) {
        double left = labelWidth(labels);
        double width = left + 420;
        double group = Math.max(ROW, 12.0 * series.size() + 8);
        double height = TOP + group * labels.size() + 44 + (series.size() > 1 ? 18 : 0);
        double hi = 0;
        for (double[] v : values) {
            for (double d : v) {
                if (Double.isFinite(d)) {
                    hi = Math.max(hi, d);
                }
            }
        }
        Scale x = new Scale(0, hi > 0 ? hi * 1.08 : 1, left, width - 20);
        Svg svg = new Svg(width, height, title);
        svg.text(8, 18, title, "start");
        double bottom = TOP + group * labels.size();
        xAxis(svg, x, TOP - 6, bottom, axis);
        String[] colours = {ACCENT, "#e08a2c", "#5aa469", "#8e6bbf"};
        for (int i = 0; i < labels.size(); i++) {
            double y0 = TOP + group * i + 4;
            svg.text(left - 8, y0 + group / 2, labels.get(i), "end");
            for (int s = 0; s < series.size(); s++) {
                double v = values.get(s)[i];
                if (Double.isFinite(v)) {
                    svg.rect(x.at(0), y0 + 12 * s, x.at(v) - x.at(0), 10, colours[s % colours.length],
                            labels.get(i) + " — " + series.get(s) + ": " + Svg.label(v));
                }
            }
        }
        if (series.size() > 1) {
            double lx = left;
            for (int s = 0; s < series.size(); s++) {
                svg.rect(lx, height - 14, 10, 10, colours[s % colours.length], "").text(lx + 14, height - 5,
                        series.get(s), "start");
                lx += 24 + 7 * series.get(s).length();
            }
        }
        return svg.end();
    }

    /** Stacked horizontal bars of counts (shares of the row's total), with a legend. */
    static String stacked(String title, List<String> labels, List<String> parts, List<String> colours,
                          List<int[]> counts) {
        double left = labelWidth(labels);
        double width = left + 420;
        double height = TOP + ROW * labels.size() + 30;
        Svg svg = new Svg(width, height, title);
        svg.text(8, 18, title, "start");
        for (int i = 0; i < labels.size(); i++) {
            int[] c = counts.get(i);
            int total = 0;
            for (int v : c) {
                total += v;
            }
            double y = TOP + ROW * i;
            svg.text(left - 8, y + 14, labels.get(i), "end");
            double x = left;
            for (int p = 0; p < parts.size(); p++) {
                double w = total == 0 ? 0 : 400.0 * c[p] / total;
                svg.rect(x, y + 3, w, ROW - 6, colours.get(p), labels.get(i) + " — " + parts.get(p) + ": " + c[p]
                        + " of " + total);
                if (w > 26) {
                    svg.text(x + w / 2, y + 15, String.valueOf(c[p]), "middle", "#fff");
                }
                x += w;
            }
        }
        double lx = left;
        for (int p = 0; p < parts.size(); p++) {
            svg.rect(lx, height - 16, 10, 10, colours.get(p), "").text(lx + 14, height - 7, parts.get(p), "start");
            lx += 24 + 7 * parts.get(p).length();
        }
        return svg.end();
    }

    /** A square heat map of adjusted p-values; significant cells are marked and outlined. */
    static String heatMap(String title, List<String> names, double[][] p, boolean[][] significant) {
        double left = labelWidth(names);
        double cell = Math.max(26, Math.min(48, 360.0 / Math.max(1, names.size())));
        double width = left + cell * names.size() + 20;
        double height = TOP + cell * names.size() + 28;
        Svg svg = new Svg(width, height, title);
        svg.text(8, 18, title, "start");
        for (int i = 0; i < names.size(); i++) {
            svg.text(left - 8, TOP + cell * i + cell / 2 + 4, names.get(i), "end");
            svg.text(left + cell * i + cell / 2, TOP + cell * names.size() + 16, String.valueOf(i + 1), "middle");
            for (int j = 0; j < names.size(); j++) {
                double x = left + cell * j;
                double y = TOP + cell * i;
                if (i == j) {
                    svg.rect(x, y, cell - 1, cell - 1, "#eee", "");
                    continue;
                }
                double v = p[i][j];
                String fill = Double.isNaN(v) ? "#eee" : shade(v);
                svg.rect(x, y, cell - 1, cell - 1, fill, names.get(i) + " vs " + names.get(j) + ": adjusted p = "
                        + Svg.label(v) + (significant[i][j] ? " (significant)" : ""));
                if (significant[i][j]) {
                    svg.text(x + cell / 2, y + cell / 2 + 4, "✱", "middle", "#fff");
                }
            }
        }
        return svg.end();
    }

    /** Dark blue for small p, pale for large (log scale from 1e-6 to 1). */
    private static String shade(double p) {
        double t = Math.max(0, Math.min(1, -Math.log10(Math.max(p, 1e-6)) / 6));
        int r = (int) Math.round(235 - t * (235 - 31));
        int g = (int) Math.round(240 - t * (240 - 78));
        int b = (int) Math.round(248 - t * (248 - 150));
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    /**
     * A critical-difference diagram (Demšar 2006): the candidates on an axis of mean rank (best on the left), with a
     * bar under every group whose members the test does not tell apart. As scikit-posthocs draws it, the groups come
     * from the test's own adjusted p-values, so the picture agrees with the significance table.
     */
    static String cdDiagram(String title, List<String> names, double[] meanRanks, boolean[][] differ) {
        int k = names.size();
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(meanRanks[a], meanRanks[b]));
        int longest = 0;
        for (String name : names) {
            longest = Math.max(longest, name.length() + 8);
        }
        double margin = Math.min(320, 30 + 6.6 * longest);
        double width = 2 * margin + 360;
        double axisY = 40;
        List<int[]> groups = cliques(order, differ);
        double height = axisY + 20 + 16 * groups.size() + 22 * k;
        double lo = Math.floor(Math.min(meanRanks[order[0]], 1));
        double hi = Math.ceil(Math.max(meanRanks[order[k - 1]], k));
        Scale x = new Scale(lo, hi, margin, width - margin);
        Svg svg = new Svg(width, height, title);
        svg.text(8, 18, title, "start");
        svg.line(x.at(lo), axisY, x.at(hi), axisY, INK, 1.5);
        for (double t = lo; t <= hi + 1e-9; t += 1) {
            svg.line(x.at(t), axisY - 5, x.at(t), axisY, INK, 1).text(x.at(t), axisY - 9, Svg.label(t), "middle");
        }
        double gy = axisY + 12;
        for (int[] g : groups) {
            svg.line(x.at(meanRanks[order[g[0]]]) - 3, gy, x.at(meanRanks[order[g[1]]]) + 3, gy, WARN, 4);
            gy += 16;
        }
        double labelsTop = gy + 8;
        for (int pos = 0; pos < k; pos++) {
            int c = order[pos];
            boolean leftSide = pos < (k + 1) / 2;
            double y = labelsTop + 22 * (leftSide ? pos : k - 1 - pos);
            double px = x.at(meanRanks[c]);
            double lx = leftSide ? margin - 10 : width - margin + 10;
            svg.line(px, axisY, px, y, "#555", 1).line(px, y, lx, y, "#555", 1)
                    .text(leftSide ? lx - 4 : lx + 4, y + 4, names.get(c) + " (" + Svg.label(meanRanks[c]) + ")",
                            leftSide ? "end" : "start");
        }
        return svg.end();
    }

    /** Maximal runs of neighbours (in rank order) that no pair within differs significantly; runs of one omitted. */
    private static List<int[]> cliques(Integer[] order, boolean[][] differ) {
        List<int[]> runs = new ArrayList<>();
        int k = order.length;
        int lastEnd = -1;
        for (int start = 0; start < k; start++) {
            int end = start;
            while (end + 1 < k && noneDiffer(order, differ, start, end + 1)) {
                end++;
            }
            if (end > start && end > lastEnd) {
                runs.add(new int[] {start, end});
                lastEnd = end;
            }
        }
        return runs;
    }

    private static boolean noneDiffer(Integer[] order, boolean[][] differ, int start, int end) {
        for (int a = start; a <= end; a++) {
            for (int b = a + 1; b <= end; b++) {
                if (differ[order[a]][order[b]]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A scatter of labelled points; {@code invertY} puts small values at the top (ranks). */
    static String scatter(String title, String xAxis, String yAxis, List<String> labels, double[] xs, double[] ys,
                          boolean invertY) {
        double width = 640;
        double height = 360;
        double xlo = Double.POSITIVE_INFINITY;
        double xhi = Double.NEGATIVE_INFINITY;
        double ylo = Double.POSITIVE_INFINITY;
        double yhi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            xlo = Math.min(xlo, xs[i]);
            xhi = Math.max(xhi, xs[i]);
            ylo = Math.min(ylo, ys[i]);
            yhi = Math.max(yhi, ys[i]);
        }
        Scale x = Scale.of(xlo, xhi, 70, width - 150);
        Scale y = invertY ? Scale.of(ylo, yhi, TOP, height - 50) : Scale.of(ylo, yhi, height - 50, TOP);
        Svg svg = new Svg(width, height, title);
        svg.text(8, 18, title, "start");
        xAxis(svg, x, TOP, height - 50, xAxis);
        for (double t : y.ticks()) {
            svg.line(70, y.at(t), width - 150, y.at(t), GRID, 1).text(64, y.at(t) + 4, Svg.label(t), "end", "#555");
        }
        svg.text(14, (height - 50 + TOP) / 2, yAxis, "start");
        for (int i = 0; i < xs.length; i++) {
            svg.circle(x.at(xs[i]), y.at(ys[i]), 5, ACCENT, labels.get(i) + ": " + Svg.label(xs[i]) + ", "
                    + Svg.label(ys[i])).text(x.at(xs[i]) + 8, y.at(ys[i]) + 4, labels.get(i), "start");
        }
        return svg.end();
    }
}
