package dev.raq.core.pairwise;

import org.apiguardian.api.API;

/**
 * What a pairwise judge that plays both orders does with the two games of one pair.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum InconsistencyRule {
    /**
     * MT-bench's rule: the two games make one verdict; if they disagree (after mapping positions back to candidates)
     * the pair counts as a tie.
     */
    TIE_WHEN_INCONSISTENT,
    /** Arena-Hard's rule: each game is kept as a separate battle, whatever the other game said. */
    SEPARATE_GAMES
}
