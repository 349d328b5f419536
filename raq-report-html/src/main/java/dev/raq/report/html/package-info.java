/**
 * A self-contained HTML report of an evaluation ({@link dev.raq.report.html.HtmlReportWriter}): one file with its
 * charts as inline SVG, sortable tables and a per-sample drill-down, no network and no external file; every text
 * from a model, a judge or a dataset is escaped, and a content security policy admits only the report's own script.
 */
@NullMarked
package dev.raq.report.html;

import org.jspecify.annotations.NullMarked;
