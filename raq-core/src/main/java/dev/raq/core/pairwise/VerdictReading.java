package dev.raq.core.pairwise;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link VerdictLabels#judgeVerdict} read from a judge's reply: the verdict, or why there is none.
 *
 * @param verdict the judge's verdict, or null
 * @param problem why the reply has no usable verdict, or null when it has one
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record VerdictReading(@Nullable Verdict verdict, @Nullable String problem) {

    /** Validates that exactly one of the two is present. */
    public VerdictReading {
        if ((verdict == null) == (problem == null)) {
            throw new IllegalArgumentException("a verdict reading needs exactly one of a verdict and a problem");
        }
    }

    static VerdictReading of(Verdict verdict) {
        return new VerdictReading(Objects.requireNonNull(verdict, "verdict"), null);
    }

    static VerdictReading problem(String problem) {
        return new VerdictReading(null, Objects.requireNonNull(problem, "problem"));
    }

    /** The verdict, if the reply had a usable one. */
    public Optional<Verdict> verdictIfUsable() {
        return Optional.ofNullable(verdict);
    }
}
