package dev.raq.core.pairwise;

/**
 * What a pairwise judge that plays both orders does with the two games of one pair.
 */
public enum InconsistencyRule {
    /**
     * MT-bench's rule: the two games make one verdict; if they disagree (after mapping positions back to candidates)
     * the pair counts as a tie.
     */
    TIE_WHEN_INCONSISTENT,
    /** Arena-Hard's rule: each game is kept as a separate battle, whatever the other game said. */
    SEPARATE_GAMES
}
