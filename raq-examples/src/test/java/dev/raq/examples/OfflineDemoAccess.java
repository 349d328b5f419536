package dev.raq.examples;

import dev.raq.core.report.EvaluationReport;

import java.nio.file.Path;

/** Lets tests in other packages run the offline demo's evaluations. */
public final class OfflineDemoAccess {

    private OfflineDemoAccess() {
    }

    /** The demo's F1 report with its default test, as the demo writes it into {@code folder}. */
    public static EvaluationReport f1Report(Path folder) {
        return OfflineDemo.run(folder).get("squad-f1-friedman-conover-holm");
    }
}
