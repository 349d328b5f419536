// RAQ in JShell. From the repository root:
//   ./mvnw -q -pl raq-examples -am package -DskipTests
//   jshell --class-path raq-examples/target/raq-cli.jar raq-examples/src/main/jshell/raq.jsh
import dev.raq.core.Evaluation;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.Judges;
import dev.raq.metrics.Scorers;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import dev.raq.core.significance.SignificanceTests;
import dev.raq.stats.*;

// 1. Statistics on their own: three candidates' ranks over eight questions
double[][] ranks = {
    {1, 1, 2, 1, 1, 1.5, 1, 2},
    {2, 3, 1, 2, 3, 1.5, 2, 1},
    {3, 2, 3, 3, 2, 3,   3, 3}};
System.out.println(KruskalWallis.test(ranks));
System.out.println(Dunn.test(ranks, PAdjust.HOLM));
System.out.println(ProportionCi.of(61, 100, 0.05, ProportionCi.Method.WILSON));

// 2. A whole evaluation with lambdas as models and a metric as the judge
var samples = List.of(
    Sample.of("q1", "Capital of France?", "Paris"),
    Sample.of("q2", "2 + 2 = ?", "4"),
    Sample.of("q3", "Largest planet?", "Jupiter"),
    Sample.of("q4", "Author of Hamlet?", "William Shakespeare"),
    Sample.of("q5", "Boiling point of water in Celsius?", "100"));
ModelClient oracle = request -> Completion.of(samples.stream()
        .filter(s -> request.lastUserMessage().contains(s.question())).findFirst().orElseThrow().references().get(0));
ModelClient guesser = request -> Completion.of("I think it is 42");

// (JShell ends a statement at a complete line, so chained calls keep the dot at the end of each line)
var report = Evaluation.builder().
        dataset(samples).
        candidate("oracle", oracle).
        candidate("guesser", guesser).
        promptTemplate("Question: {question}\nAnswer:").
        judge(Judges.score(Scorers.squadF1())).
        significance(SignificanceTests.signTest(PAdjust.HOLM)).
        seed(42).
        build().
        run();
System.out.println(report);
/exit
