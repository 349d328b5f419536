package dev.raq.core.report;

import org.apiguardian.api.API;

/**
 * What one observation of the significance tests and intervals is.
 *
 * <p>The sample (one question) is the unit of evidence: a judge asked k times about one sample has still seen one
 * question. Counting every call as an observation (pseudo-replication) makes p-values and intervals too small: on 6
 * questions with a deterministic judge, Dunn's p-value falls from 0.27 with one call to 0.0003 with ten.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum ObservationUnit {
    /**
     * One observation per sample (the default): a judge's calls on a sample collapse to one ranking per set of
     * candidates they rank, by mean rank over the calls (re-ranked); a panel's judges collapse to their consensus.
     */
    SAMPLE,
    /**
     * One observation per successful judge call, as the RAQ paper ran its test. Kept to reproduce the paper; with
     * repeats it inflates the type-I error (to 0.43 for Dunn + Holm at alpha 0.05 with three agreeing repeats), and
     * every report made this way says so. Panels still contribute their per-sample consensus.
     */
    JUDGE_CALL
}
