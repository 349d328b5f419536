package dev.raq.stats;

import java.util.SplittableRandom;

/** Seeded battles between players p0, p1, … with given latent Elo strengths (scale 400, base 10). */
final class SyntheticBattles {

    private SyntheticBattles() {
    }

    static Battles generate(double[] strengths, int count, double tieRate, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Battles.Builder builder = Battles.builder();
        int k = strengths.length;
        for (int n = 0; n < count; n++) {
            int a = random.nextInt(k);
            int b = (a + 1 + random.nextInt(k - 1)) % k;
            double pa = 1 / (1 + Math.pow(10, (strengths[b] - strengths[a]) / 400));
            Outcome outcome = random.nextDouble() < tieRate ? Outcome.TIE
                    : random.nextDouble() < pa ? Outcome.A_WINS : Outcome.B_WINS;
            builder.add("p" + a, "p" + b, outcome);
        }
        return builder.build();
    }
}
