package dev.raq.benchmarks.ratings;

import dev.raq.stats.Battles;
import dev.raq.stats.Bootstrap;
import dev.raq.stats.BradleyTerry;
import dev.raq.stats.Elo;
import dev.raq.stats.Outcome;
import dev.raq.stats.RatingIntervals;
import dev.raq.stats.Ratings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Bradley&ndash;Terry on 20 models &times; 100,000 battles: one exact fit, and 100 bootstrap rounds (resampling the
 * battles and refitting, as arena-hard-auto does), plus one online Elo pass for comparison.
 *
 * <p>Battles are seeded and synthetic: models {@code m00 … m19} with latent Elo strengths drawn from Normal(0, 150),
 * uniformly random pairs, 10 % ties, other outcomes drawn from the Elo win probability (scale 400, base 10).
 *
 * <p>Run (short runs on a shared machine):
 * <pre>
 * ./mvnw -B -q -o -pl raq-benchmarks -am package -DskipTests
 * java -jar raq-benchmarks/target/benchmarks.jar 'dev.raq.benchmarks.ratings' -f 1 -wi 1 -i 3 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BradleyTerryBenchmark {

    /** The number of models. */
    @Param("20")
    public int models;

    /** The number of battles. */
    @Param("100000")
    public int battleCount;

    private Battles battles;
    private final BradleyTerry bradleyTerry = BradleyTerry.builder().anchor("m00", 1000).build();
    private final Bootstrap bootstrap = Bootstrap.builder().rounds(100).seed(1).build();
    private final Elo elo = Elo.builder().build();

    /** Generates the battles (seed 2024). */
    @Setup
    public void generate() {
        battles = generate(models, battleCount, 0.1, 2024);
    }

    /** Seeded synthetic battles between {@code models} models with Normal(0, 150) latent Elo strengths. */
    static Battles generate(int models, int count, double tieRate, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] strength = new double[models];
        String[] names = new String[models];
        for (int m = 0; m < models; m++) {
            strength[m] = 150 * random.nextGaussian();
            names[m] = String.format("m%02d", m);
        }
        Battles.Builder builder = Battles.builder();
        for (int n = 0; n < count; n++) {
            int a = random.nextInt(models);
            int b = (a + 1 + random.nextInt(models - 1)) % models;
            double pa = 1 / (1 + Math.pow(10, (strength[b] - strength[a]) / 400));
            Outcome outcome = random.nextDouble() < tieRate ? Outcome.TIE
                    : random.nextDouble() < pa ? Outcome.A_WINS : Outcome.B_WINS;
            builder.add(names[a], names[b], outcome);
        }
        return builder.build();
    }

    /** One exact maximum-likelihood fit (aggregation plus Newton). */
    @Benchmark
    public Ratings fit() {
        return bradleyTerry.fit(battles);
    }

    /** The fit plus 100 percentile bootstrap rounds, sequential. */
    @Benchmark
    public RatingIntervals bootstrap100() {
        return bradleyTerry.bootstrap(battles, bootstrap);
    }

    /** One online Elo pass in battle order. */
    @Benchmark
    public Ratings elo() {
        return elo.ratings(battles);
    }
}
