package dev.raq.core.gate;

import dev.raq.core.report.EvaluationReport;
import org.apiguardian.api.API;

/** A requirement on an evaluation report; {@link Gates} makes the common ones. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface Gate {

    /** Checks {@code report}; never throws for a report that lacks what the gate needs (that fails the gate). */
    GateResult check(EvaluationReport report);
}
