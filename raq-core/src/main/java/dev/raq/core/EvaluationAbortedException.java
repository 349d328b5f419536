package dev.raq.core;

import dev.raq.core.model.RaqException;
import dev.raq.core.report.EvaluationReport;
import org.apiguardian.api.API;

import java.util.Objects;

/**
 * Thrown when an evaluation gave up under its {@link FailurePolicy}; it carries the report of everything finished
 * before, so nothing computed is lost.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EvaluationAbortedException extends RaqException {

    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial")
    private final transient EvaluationReport partialReport;

    /**
     * @param message       why the run was aborted, and when (after how many samples, or before the first)
     * @param partialReport the report of what finished before the abort
     */
    public EvaluationAbortedException(String message, EvaluationReport partialReport) {
        super(message);
        this.partialReport = Objects.requireNonNull(partialReport, "partialReport");
    }

    /** The report of every answer and judgment finished before the abort. */
    public EvaluationReport partialReport() {
        return partialReport;
    }
}
