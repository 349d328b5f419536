package dev.raq.report.html;

/** The report's style sheet, inline: readable on screen and on paper, no web font. */
final class PageStyle {

    static final String CSS = String.join("\n",
            "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:#222;margin:0;background:#fafafa}",
            "header{background:#1f3a5f;color:#fff;padding:14px 24px}header h1{margin:0;font-size:22px}",
            ".lead{margin:4px 0 0;opacity:.9}main{padding:8px 24px 40px;max-width:1400px}",
            "section{background:#fff;border:1px solid #e3e3e3;border-radius:6px;padding:8px 16px 14px;margin:14px 0}",
            "h2{font-size:18px;margin:8px 0}h4{margin:8px 0 4px}",
            "table{border-collapse:collapse;margin:6px 0}th,td{border-bottom:1px solid #eee;padding:4px 8px;"
                    + "text-align:left;vertical-align:top}",
            "th{background:#f3f5f8;cursor:default}table.sortable th{cursor:pointer}td.num{text-align:right;"
                    + "font-variant-numeric:tabular-nums}",
            "table.kv th{width:16em}.bad{color:#b02a1a;font-weight:600}.warn{color:#8a5a00}",
            ".problems{border-color:#e4a59b;background:#fff6f4}.note{color:#555;font-size:13px}",
            ".row{display:flex;flex-wrap:wrap;gap:12px}figure{margin:6px 0;overflow-x:auto}svg.chart{max-width:100%;height:auto}",
            "pre{white-space:pre-wrap;overflow-wrap:anywhere;margin:0;max-height:24em;overflow:auto;"
                    + "font:12.5px/1.4 ui-monospace,Menlo,Consolas,monospace}",
            ".clip{color:#8a5a00;font-style:italic}details.sample{border-top:1px solid #eee;padding:4px 0}",
            "details.sample summary{cursor:pointer}table.answers{width:100%}table.answers td:nth-child(2){width:60%}",
            ".call{border-left:3px solid #dde3ea;padding-left:8px;margin:6px 0}.filters{margin:6px 0 10px}",
            ".filters label{margin-right:14px}code{font-size:12px}",
            "@media print{details.sample{display:block}details.sample>*{display:block}header{background:none;color:#000}"
                    + "section{break-inside:avoid;border:none}.filters{display:none}pre{max-height:none}}");

    private PageStyle() {
    }
}
