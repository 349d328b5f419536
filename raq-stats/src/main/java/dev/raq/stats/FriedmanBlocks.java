package dev.raq.stats;

import org.apiguardian.api.API;

import java.util.Objects;

/**
 * The blocks of a Friedman-family test, added one at a time and kept only as what the tests need: each treatment's
 * within-block rank sum, the sum of squared ranks and the tie term, O(k) memory however many blocks. A million
 * blocks need no n × k matrix; the results are those of {@link Friedman}'s matrix methods on the same rows, to the
 * last bit (the same sums in the same order).
 *
 * <pre>{@code
 * FriedmanBlocks blocks = new FriedmanBlocks(3);
 * for (double[] row : rows) {
 *     blocks.add(row);
 * }
 * PostHocResult conover = Friedman.conover(blocks, PAdjust.HOLM);
 * }</pre>
 *
 * <p>Not thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class FriedmanBlocks {

    private final BlockRanks.Accumulator sums;
    private final int treatments;

    /**
     * @param treatments k, the number of values in every block, at least 2
     * @throws IllegalArgumentException if {@code treatments < 2}
     */
    public FriedmanBlocks(int treatments) {
        if (treatments < 2) {
            throw new IllegalArgumentException("treatments must be at least 2 but was " + treatments);
        }
        this.treatments = treatments;
        this.sums = new BlockRanks.Accumulator(treatments);
    }

    /**
     * Adds one block: a value per treatment (ranked within the block; ties get the average rank).
     *
     * @throws IllegalArgumentException if the block does not have k values or holds a NaN, naming the block's number
     */
    public FriedmanBlocks add(double... block) {
        Objects.requireNonNull(block, "block");
        if (block.length != treatments) {
            throw new IllegalArgumentException("block " + sums.blocks() + " has " + block.length
                    + " values but there are " + treatments + " treatments");
        }
        for (int j = 0; j < block.length; j++) {
            if (Double.isNaN(block[j])) {
                throw new IllegalArgumentException("block " + sums.blocks() + ": value " + j + " is NaN");
            }
        }
        sums.add(block);
        return this;
    }

    /** The number of blocks added, n. */
    public int blocks() {
        return sums.blocks();
    }

    /** The number of treatments, k. */
    public int treatments() {
        return treatments;
    }

    /** The mean within-block rank of treatment j (NaN before any block). */
    public double meanRank(int j) {
        Objects.checkIndex(j, treatments);
        return sums.blocks() == 0 ? Double.NaN : sums.rankSum(j) / sums.blocks();
    }

    /** The sums so far, for a test that needs at least {@code minTreatments} treatments and one block. */
    BlockRanks ranks(int minTreatments, String test) {
        if (treatments < minTreatments) {
            throw new IllegalArgumentException(test + " needs at least " + minTreatments + " treatments but there are "
                    + treatments);
        }
        if (sums.blocks() == 0) {
            throw new IllegalArgumentException("no blocks were added: at least one block is needed");
        }
        return sums.ranks();
    }
}
