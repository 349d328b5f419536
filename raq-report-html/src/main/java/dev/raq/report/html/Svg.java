package dev.raq.report.html;

import java.util.Locale;

/**
 * A small SVG writer: shapes and text in user units, every text and attribute value escaped. The charts need only
 * lines, rectangles, circles and text, so this is the whole drawing layer (see {@link Charts} for why RAQ draws its
 * charts itself).
 */
final class Svg {

    private final StringBuilder sb = new StringBuilder();
    private final double width;
    private final double height;

    Svg(double width, double height, String title) {
        this.width = width;
        this.height = height;
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(n(width)).append(' ').append(n(height)).append("\" width=\"").append(n(width))
                .append("\" height=\"").append(n(height)).append("\" font-family=\"sans-serif\" font-size=\"12\">")
                .append("<title>").append(Html.escape(title)).append("</title>");
    }

    double width() {
        return width;
    }

    double height() {
        return height;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
        sb.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(Html.escape(stroke))
                .append("\" stroke-width=\"").append(n(strokeWidth)).append("\"/>");
        return this;
    }

    Svg dashed(double x1, double y1, double x2, double y2, String stroke) {
        sb.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(Html.escape(stroke))
                .append("\" stroke-dasharray=\"4 3\"/>");
        return this;
    }

    /** A rectangle; {@code tooltip} (may be empty) shows on hover. */
    Svg rect(double x, double y, double w, double h, String fill, String tooltip) {
        sb.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"")
                .append(n(Math.max(0, w))).append("\" height=\"").append(n(Math.max(0, h))).append("\" fill=\"")
                .append(Html.escape(fill)).append('"');
        return closeWithTooltip("rect", tooltip);
    }

    Svg circle(double cx, double cy, double r, String fill, String tooltip) {
        sb.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append("\" fill=\"").append(Html.escape(fill)).append('"');
        return closeWithTooltip("circle", tooltip);
    }

    /** Text; {@code anchor} is start, middle or end. */
    Svg text(double x, double y, String text, String anchor) {
        return text(x, y, text, anchor, "#222");
    }

    Svg text(double x, double y, String text, String anchor, String fill) {
        sb.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"")
                .append(Html.escape(anchor)).append("\" fill=\"").append(Html.escape(fill)).append("\">")
                .append(Html.escape(text)).append("</text>");
        return this;
    }

    private Svg closeWithTooltip(String element, String tooltip) {
        if (tooltip.isEmpty()) {
            sb.append("/>");
        } else {
            sb.append("><title>").append(Html.escape(tooltip)).append("</title></").append(element).append('>');
        }
        return this;
    }

    /** The finished SVG element. */
    String end() {
        return sb + "</svg>";
    }

    /** A number for an attribute: two decimals at most, never in exponent form. */
    static String n(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** A number for a label: four significant digits. */
    static String label(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        if (v != 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e6)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        return s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
