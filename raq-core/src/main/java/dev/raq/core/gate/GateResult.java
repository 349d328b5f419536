package dev.raq.core.gate;

import org.apiguardian.api.API;

import java.util.Objects;

/**
 * What a {@link Gate} found.
 *
 * @param gate   what the gate requires, such as {@code "new significantly better than baseline"}
 * @param passed whether the report meets it
 * @param detail one line: the figures behind the verdict, or why it could not be checked
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record GateResult(String gate, boolean passed, String detail) {

    /** Checks for nulls. */
    public GateResult {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(detail, "detail");
    }

    /** {@code PASS|FAIL gate: detail}, one line. */
    @Override
    public String toString() {
        return (passed ? "PASS " : "FAIL ") + gate + ": " + detail;
    }
}
