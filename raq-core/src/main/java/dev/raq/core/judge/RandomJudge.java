package dev.raq.core.judge;

import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The dry run's judge: ranks the answers of a sample in a random order drawn from its seed, calling no model, so
 * that candidates, prompts and costs can be tried before paying for judges. The numbers it produces mean nothing,
 * and a report made with it says so ({@code DRY RUN}). Create it with {@link Judges#random()}. Stateless.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RandomJudge implements Judge {

    /** The name this judge reports under. */
    public static final String NAME = "dry run (random)";

    static final RandomJudge INSTANCE = new RandomJudge();

    private RandomJudge() {
    }

    @Override
    public Judgment judge(JudgeInput input) {
        List<String> order = new ArrayList<>(input.candidates());
        SplittableRandom random = new SplittableRandom(input.seed());
        for (int i = order.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String t = order.get(i);
            order.set(i, order.get(j));
            order.set(j, t);
        }
        return Judgment.of(NAME, input.sample().id(), List.of(JudgeCall.ranked(order, null, Ranking.fromOrder(order),
                Map.of("dryRun", "true"))));
    }

    @Override
    public boolean hasReportSection() {
        return false;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String fingerprint() {
        return "random-judge";
    }

    @Override
    public String toString() {
        return "RandomJudge";
    }
}
