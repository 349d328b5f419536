package dev.raq.core;

import dev.raq.core.pairwise.PairwiseJudge;
import dev.raq.core.data.Sample;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import dev.raq.core.judge.JudgeInput;
import dev.raq.core.judge.Judge;
import dev.raq.core.judge.Judges;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.GenerationOptions;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.report.SampleResult;
import dev.raq.core.store.ResultStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EvaluationTest {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    static List<Sample> samples(int n) {
        return IntStream.range(0, n).mapToObj(i -> Sample.of("s" + i, "question " + i, "ref " + i)).toList();
    }

    static ScriptedClient echo(String who) {
        return ScriptedClient.answering(r -> who + " says " + r.lastUserMessage());
    }

    @Test
    void build_withoutDatasetCandidatesOrJudge_reportsEveryProblemAtOnce() {
        Evaluation.Builder b = Evaluation.builder().candidate("a", echo("a"));
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no dataset")
                .hasMessageContaining("at least two candidates are needed but 1 was added")
                .hasMessageContaining("no judge");
        // the builder stays usable: fix the problems and build
        Evaluation ev = b.dataset(samples(2)).candidate("b", echo("b")).dryRun(true).build();
        assertThat(ev.candidates()).extracting(Candidate::name).containsExactly("a", "b");
    }

    @Test
    void setters_badValues_rejectedAtOnceNamingTheValue() {
        Evaluation.Builder b = Evaluation.builder().candidate("a", echo("a"));
        assertThatThrownBy(() -> b.alpha(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alpha must be in (0, 1) but was 1.5");
        assertThatThrownBy(() -> b.alpha(0)).hasMessageContaining("but was 0.0");
        assertThatThrownBy(() -> b.concurrency(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("concurrency must be >= 1 but was 0");
        assertThatThrownBy(() -> b.candidate("a", echo("x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("candidate name 'a' is already taken");
        assertThatThrownBy(() -> b.promptTemplate("no placeholder")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{question}");
        assertThatThrownBy(() -> Candidate.builder("c", echo("c")).maxConcurrency(0))
                .hasMessage("maxConcurrency must be >= 1 but was 0");
        assertThatThrownBy(() -> FailurePolicy.maxErrorRate(1.2)).hasMessage("maxErrorRate must be in [0, 1] but was 1.2");
    }

    @Test
    void build_judgeIsCandidate_refusedUnlessAllowed() {
        ScriptedClient a = echo("a");
        Evaluation.Builder b = Evaluation.builder().dataset(samples(1)).candidate("a", a).candidate("b", echo("b"))
                .judge(new PreferenceJudge("self", List.of("a", "b"), a));
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("judge 'self' is also candidate 'a' (same client)");
        assertThat(b.allowJudgeAsCandidate(true).build()).isNotNull();
    }

    @Test
    void build_builtInModelJudgeIsCandidate_refusedUnlessAllowed() {
        ScriptedClient a = echo("a");
        Evaluation.Builder ranking = Evaluation.builder().dataset(samples(1)).candidate("a", a)
                .candidate("b", echo("b")).judge(dev.raq.core.judge.Judges.ranking(a));
        assertThatThrownBy(ranking::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is also candidate 'a'");
        Evaluation.Builder pairwise = Evaluation.builder().dataset(samples(1)).candidate("a", a)
                .candidate("b", echo("b")).judge(dev.raq.core.pairwise.PairwiseJudge.of(a));
        assertThatThrownBy(pairwise::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is also candidate 'a'");
        assertThat(pairwise.allowJudgeAsCandidate(true).build()).isNotNull();
    }

    @Test
    void build_judgeWithSameModelIdAsCandidate_refused() {
        Evaluation.Builder b = Evaluation.builder().dataset(samples(1))
                .candidate("a", echo("a").withModelId("org/model-x")).candidate("b", echo("b"))
                .judge(new PreferenceJudge("judge", List.of("a", "b"), echo("j").withModelId("org/model-x")));
        assertThatThrownBy(b::build).hasMessageContaining("(model org/model-x)");
        // a different model id, or none, is fine
        Evaluation.builder().dataset(samples(1)).candidate("a", echo("a").withModelId("org/model-x"))
                .candidate("b", echo("b")).judge(new PreferenceJudge("judge", List.of("a", "b"), echo("j"))).build();
    }

    @Test
    void run_everySampleAnsweredAndJudged_reportInDatasetOrder() {
        PreferenceJudge judge = new PreferenceJudge("pref", List.of("b", "a", "c"));
        EvaluationReport report = Evaluation.builder().dataset(samples(30)).candidate("a", echo("a"))
                .candidate("b", echo("b").completingLater(scheduler, 1)).candidate("c", echo("c"))
                .judge(judge).concurrency(4).build().run();
        assertThat(report.samples()).extracting(SampleResult::index).containsExactlyElementsOf(
                IntStream.range(0, 30).boxed().toList());
        assertThat(judge.calls).hasValue(30);
        assertThat(report.candidate("b").rank().mean()).isEqualTo(1.0);
        assertThat(report.candidate("c").rank().mean()).isEqualTo(3.0);
        assertThat(report.candidate("b").against("a").wins()).isEqualTo(30);
    }

    @Test
    void run_globalAndPerCandidateLimits_neverExceeded() {
        java.util.concurrent.atomic.AtomicInteger[] group = {new java.util.concurrent.atomic.AtomicInteger(),
                new java.util.concurrent.atomic.AtomicInteger()};
        ScriptedClient a = echo("a").completingLater(scheduler, 1).countingIn(group);
        ScriptedClient b = echo("b").completingLater(scheduler, 1).countingIn(group);
        ScriptedClient c = echo("c").completingLater(scheduler, 1).countingIn(group);
        Evaluation.builder().dataset(samples(200)).candidate("a", a)
                .candidate(Candidate.builder("b", b).maxConcurrency(2).build()).candidate("c", c)
                .judge(new PreferenceJudge("p", List.of("a", "b", "c"))).concurrency(5).build().run();
        assertThat(group[1].get()).isEqualTo(5); // the global limit is reached, never exceeded
        assertThat(b.maxInFlight.get()).isEqualTo(2);
        assertThat(group[0].get()).isZero();
        assertThat(List.of(a, b, c)).allSatisfy(x -> assertThat(x.calls).hasValue(200));
    }

    @Test
    void run_failedCandidateCall_recordedWithCauseAndRunGoesOn() {
        ScriptedClient flaky = echo("b").failingWhen(r -> r.lastUserMessage().contains("question 3"));
        ScriptedClient broken = echo("c").failingWhen(r -> r.lastUserMessage().contains("question 3"));
        PreferenceJudge judge = new PreferenceJudge("p", List.of("a", "b", "c"));
        EvaluationReport report = Evaluation.builder().dataset(samples(5)).candidate("a", echo("a"))
                .candidate("b", flaky).candidate("c", broken).judge(judge).build().run();
        SampleResult s3 = report.samples().get(3);
        assertThat(s3.answer("b").orElseThrow().error()).contains("NonRetriableModelCallException")
                .contains("rejected the request");
        assertThat(s3.judgments()).isEmpty();
        assertThat(s3.notJudged()).isEqualTo("only 1 of 3 candidates answered");
        assertThat(report.candidate("b").errors()).isEqualTo(1);
        assertThat(report.candidate("b").answers()).isEqualTo(4);
        assertThat(judge.calls).hasValue(4);
        assertThat(report.answerErrors()).isEqualTo(2);
    }

    @Test
    void run_judgeThrows_recordedAsJudgeErrorAndRunGoesOn() {
        Judge throwing = new Judge() {
            @Override
            public dev.raq.core.judge.Judgment judge(JudgeInput input) {
                if (input.sample().id().equals("s1")) {
                    throw new IllegalStateException("judge model unreachable");
                }
                return new PreferenceJudge("t", List.of("a", "b")).judge(input);
            }

            @Override
            public String name() {
                return "t";
            }
        };
        EvaluationReport report = Evaluation.builder().dataset(samples(3)).candidate("a", echo("a"))
                .candidate("b", echo("b")).judge(throwing).build().run();
        assertThat(report.judgeErrors()).isEqualTo(1);
        assertThat(report.samples().get(1).judgments().get(0).failedCalls().get(0).error())
                .hasValue("IllegalStateException: judge model unreachable");
        assertThat(report.rankings()).hasSize(2);
    }

    @Test
    void run_failFast_abortsWithPartialReport() {
        ScriptedClient failing = echo("b").failingWhen(r -> r.lastUserMessage().equals("question 2"));
        EvaluationAbortedException e = catchThrowableOfType(EvaluationAbortedException.class, () ->
                Evaluation.builder().dataset(samples(50)).candidate("a", echo("a")).candidate("b", failing)
                        .judge(new PreferenceJudge("p", List.of("a", "b"))).concurrency(1).failFast(true)
                        .build().run());
        assertThat(e).hasMessageContaining("failing fast at the first error")
                .hasMessageContaining("candidate 'b' on sample 's2'");
        EvaluationReport partial = e.partialReport();
        assertThat(partial.abortedBecause()).isPresent();
        assertThat(partial.samples()).extracting(s -> s.sample().id()).contains("s0", "s1", "s2")
                .doesNotContain("s49");
        assertThat(partial.rankings()).hasSize(2);
        assertThat(partial.toMarkdown()).contains("**ABORTED**");
    }

    @Test
    void run_errorRateAboveMaximum_abortsWithSummary() {
        ScriptedClient failing = echo("b").failingWhen(r -> true);
        EvaluationAbortedException e = catchThrowableOfType(EvaluationAbortedException.class, () ->
                Evaluation.builder().dataset(samples(100)).candidate("a", echo("a")).candidate("b", failing)
                        .judge(new PreferenceJudge("p", List.of("a", "b"))).concurrency(2)
                        .failurePolicy(new FailurePolicy(false, 0.25, 10, 0)).build().run());
        assertThat(e).hasMessageContaining("more than the maximum error rate of 25.0%");
        assertThat(e.partialReport().samples().size()).isLessThan(100);
        assertThat(e.partialReport().candidate("b").errors()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void run_errorRateBelowMaximum_finishes() {
        ScriptedClient flaky = echo("b").failingWhen(r -> r.lastUserMessage().endsWith("7"));
        EvaluationReport report = Evaluation.builder().dataset(samples(100)).candidate("a", echo("a"))
                .candidate("b", flaky).judge(new PreferenceJudge("p", List.of("a", "b")))
                .failurePolicy(FailurePolicy.maxErrorRate(0.1)).build().run();
        assertThat(report.candidate("b").errors()).isEqualTo(10);
        assertThat(report.abortedBecause()).isEmpty();
    }

    @Test
    void run_listenerThrows_runCompletesAndListenerSeesEveryStep() {
        List<Progress> seen = new CopyOnWriteArrayList<>();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        Clock clock = Clock.fixed(t0, ZoneOffset.UTC);
        EvaluationReport report = Evaluation.builder().dataset(samples(10)).candidate("a", echo("a"))
                .candidate("b", echo("b")).judge(new PreferenceJudge("p", List.of("a", "b"))).clock(clock)
                .progressListener(p -> {
                    seen.add(p);
                    throw new IllegalStateException("listener bug");
                }).build().run();
        assertThat(report.samples()).hasSize(10);
        Progress last = seen.get(seen.size() - 1);
        assertThat(last.samplesDone()).isEqualTo(10);
        assertThat(last.samplesTotal()).isEqualTo(10);
        assertThat(last.answers()).isEqualTo(20);
        assertThat(last.judgments()).isEqualTo(10);
        assertThat(last.eta()).isEqualTo(Duration.ZERO);
        assertThat(seen).hasSize(30); // 20 answers + 10 samples
    }

    @Test
    void run_progress_elapsedAndEtaFromTheInjectedClock() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        java.util.concurrent.atomic.AtomicLong ticks = new java.util.concurrent.atomic.AtomicLong();
        Clock ticking = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return t0.plusSeconds(ticks.getAndIncrement()); // one second per reading
            }
        };
        List<Progress> seen = new CopyOnWriteArrayList<>();
        Evaluation.builder().dataset(samples(8)).candidate("a", echo("a")).candidate("b", echo("b"))
                .judge(new PreferenceJudge("p", List.of("a", "b"))).clock(ticking).progressListener(seen::add)
                .build().run();
        assertThat(seen).extracting(p -> p.elapsed().toSeconds()).isSorted().doesNotHaveDuplicates();
        assertThat(seen).filteredOn(p -> p.samplesDone() == 0).allSatisfy(p -> assertThat(p.eta()).isNull());
        assertThat(seen).filteredOn(p -> p.samplesDone() > 0).isNotEmpty().allSatisfy(p ->
                assertThat(p.eta()).isEqualTo(p.elapsed().multipliedBy(8 - p.samplesDone())
                        .dividedBy(p.samplesDone())));
        // samples finish on several threads, so a given count may be skipped; the last report is always 8 of 8
        Progress some = seen.stream().filter(p -> p.samplesDone() > 0).findFirst().orElseThrow();
        assertThat(some.fraction()).isEqualTo(some.samplesDone() / 8.0);
        assertThat(some.toString()).contains(some.samplesDone() + "/8 samples");
        assertThat(seen.get(seen.size() - 1).samplesDone()).isEqualTo(8);
    }

    @Test
    void run_storeThatAlwaysThrows_everyResultStillReportedAndCallsMade() {
        dev.raq.core.store.ResultStore broken = new dev.raq.core.store.ResultStore() {
            @Override
            public java.util.Optional<dev.raq.core.model.Completion> answer(String key) {
                throw new IllegalStateException("disk gone");
            }

            @Override
            public void putAnswer(String key, dev.raq.core.model.Completion completion) {
                throw new IllegalStateException("disk gone");
            }

            @Override
            public java.util.Optional<dev.raq.core.judge.Judgment> judgment(String key) {
                throw new IllegalStateException("disk gone");
            }

            @Override
            public void putJudgment(String key, dev.raq.core.judge.Judgment judgment) {
                throw new IllegalStateException("disk gone");
            }
        };
        ScriptedClient a = echo("a");
        PreferenceJudge judge = new PreferenceJudge("p", List.of("a", "b"), echo("judge-model"));
        EvaluationReport report = Evaluation.builder().dataset(samples(10)).candidate("a", a)
                .candidate("b", echo("b")).judge(judge).store(broken).build().run();
        assertThat(a.calls).hasValue(10);
        assertThat(judge.calls).hasValue(10);
        assertThat(report.rankings()).hasSize(10);
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void run_lambdaCandidate_timedByTheEvaluation_clientMeasurementWins_replayNotTimed() {
        // answers 20 ms after it is called, on the test's scheduler (no thread sleeps); it reports no latency itself
        ModelClient slow = ScriptedClient.answering(r -> "slow answer with five words").completingLater(scheduler, 20);
        ModelClient ownTiming = request -> dev.raq.core.model.Completion.builder("own timing")
                .latency(java.time.Duration.ofSeconds(7)).build();
        ModelClient replay = new ModelClient() {
            @Override
            public dev.raq.core.model.Completion complete(dev.raq.core.model.ChatRequest request) {
                return dev.raq.core.model.Completion.of("recorded");
            }

            @Override
            public boolean replays() {
                return true;
            }
        };
        EvaluationReport report = Evaluation.builder().dataset(samples(4)).candidate("slow", slow)
                .candidate("own", ownTiming).candidate("replay", replay).dryRun(true).build().run();
        assertThat(report.candidate("slow").latencyP50()).isGreaterThanOrEqualTo(java.time.Duration.ofMillis(20));
        assertThat(report.candidate("slow").wordsPerSecond()).isNotNull().isPositive();
        assertThat(report.candidate("own").latencyP50()).isEqualTo(java.time.Duration.ofSeconds(7));
        assertThat(report.candidate("replay").latencyP50()).isNull();
    }

    @Test
    void run_applicationCandidate_answersTheWholeSample_storedByItsVersion() {
        java.util.concurrent.atomic.AtomicInteger appCalls = new java.util.concurrent.atomic.AtomicInteger();
        Application rag = new Application() {
            @Override
            public dev.raq.core.model.Completion answer(Sample sample) {
                appCalls.incrementAndGet();
                return dev.raq.core.model.Completion.of("rag answer to " + sample.id());
            }

            @Override
            public String fingerprint() {
                return "rag-v2";
            }
        };
        dev.raq.core.store.ResultStore store = dev.raq.core.store.ResultStore.inMemory();
        Evaluation ev = Evaluation.builder().dataset(samples(5)).candidate(Candidate.ofApplication("rag", rag))
                .candidate("b", echo("b")).judge(new PreferenceJudge("p", List.of("rag", "b"), echo("judge")))
                .store(store).build();
        EvaluationReport report = ev.run();
        ev.run();
        assertThat(appCalls).hasValue(5);
        assertThat(report.samples().get(0).answer("rag").orElseThrow().completion().text())
                .isEqualTo("rag answer to " + report.samples().get(0).sample().id());
        assertThat(report.candidate("rag").rank().mean()).isEqualTo(1.0);
        assertThat(report.candidate("rag").latencyP50()).isNotNull();
        assertThat(Candidate.ofApplication("rag", rag).toString()).contains("application");
    }

    @Test
    void run_dryRun_callsNoJudgeAndMarksReport() {
        PreferenceJudge judge = new PreferenceJudge("p", List.of("a", "b"));
        EvaluationReport report = Evaluation.builder().dataset(samples(20)).candidate("a", echo("a"))
                .candidate("b", echo("b")).judge(judge).dryRun(true).seed(7).build().run();
        assertThat(judge.calls).hasValue(0);
        assertThat(report.dryRun()).isTrue();
        assertThat(report.judges()).containsExactly("dry run (random)");
        assertThat(report.rankings()).hasSize(20);
        assertThat(report.toMarkdown()).contains("**DRY RUN**");
        assertThat(report.toString()).contains("DRY RUN");
        assertThat(report.toJson()).contains("\"dryRun\" : true");
        EvaluationReport again = Evaluation.builder().dataset(samples(20)).candidate("a", echo("a"))
                .candidate("b", echo("b")).dryRun(true).seed(7).build().run();
        assertThat(again.rankings()).isEqualTo(report.rankings());
    }

    @Test
    void run_sameSeed_sameJudgeInputsWhateverTheTiming() {
        Map<String, Long> first = seeds(scheduler, 1, 42);
        Map<String, Long> second = seeds(null, 8, 42);
        Map<String, Long> other = seeds(null, 8, 43);
        assertThat(first).hasSize(40).isEqualTo(second);
        assertThat(other).isNotEqualTo(first);
        assertThat(first.values()).doesNotHaveDuplicates();
    }

    private static Map<String, Long> seeds(ScheduledExecutorService later, int concurrency, long seed) {
        PreferenceJudge j1 = new PreferenceJudge("j1", List.of("a", "b"));
        PreferenceJudge j2 = new PreferenceJudge("j2", List.of("b", "a"));
        ScriptedClient b = later == null ? echo("b") : echo("b").completingLater(later, 1);
        Evaluation.builder().dataset(samples(20)).candidate("a", echo("a")).candidate("b", b).judge(j1).judge(j2)
                .concurrency(concurrency).seed(seed).build().run();
        Map<String, Long> out = new TreeMap<>();
        j1.inputs.forEach(in -> out.put("j1:" + in.sample().id(), in.seed()));
        j2.inputs.forEach(in -> out.put("j2:" + in.sample().id(), in.seed()));
        return out;
    }

    @Test
    void run_againWithSameStore_reusesAnswersAndJudgments() {
        ResultStore store = ResultStore.inMemory();
        ScriptedClient a = echo("a");
        ScriptedClient b = echo("b");
        PreferenceJudge judge = new PreferenceJudge("p", List.of("a", "b"), echo("judge-model"));
        Evaluation ev = Evaluation.builder().dataset(samples(10)).candidate("a", a).candidate("b", b).judge(judge)
                .store(store).build();
        EvaluationReport first = ev.run();
        EvaluationReport second = ev.run();
        assertThat(a.calls).hasValue(10);
        assertThat(b.calls).hasValue(10);
        assertThat(judge.calls).hasValue(10);
        assertThat(second.rankings()).isEqualTo(first.rankings());
        assertThat(second.samples().get(0).answers()).allSatisfy(r -> assertThat(r.reused()).isTrue());
    }

    @Test
    void run_promptTemplateAndCandidateOptions_renderedIntoTheRequest() {
        List<ChatRequest> seen = new CopyOnWriteArrayList<>();
        ScriptedClient a = ScriptedClient.answering(r -> {
            seen.add(r);
            return "x";
        });
        Sample s = new Sample("q1", "Who?", "Ctx {question}", List.of("r"), Map.of());
        GenerationOptions opts = GenerationOptions.builder().temperature(0.2).build();
        Evaluation.builder().dataset(List.of(s)).candidate(Candidate.builder("a", a).options(opts).build())
                .candidate("b", echo("b")).promptTemplate("C: {context}\nQ: {question}").dryRun(true).build().run();
        assertThat(seen).singleElement().satisfies(r -> {
            assertThat(r.lastUserMessage()).isEqualTo("C: Ctx {question}\nQ: Who?");
            assertThat(r.options().temperature()).hasValue(0.2);
        });
    }

    @Test
    void run_aCandidateClientThatThrowsAnErrorWhenAsked_isRecorded_andTheRunEnds() {
        ModelClient noThreads = new ModelClient() {
            @Override
            public Completion complete(ChatRequest request) {
                return Completion.of("fine");
            }

            @Override
            public java.util.concurrent.CompletableFuture<Completion> completeAsync(
                    ChatRequest request, java.util.concurrent.Executor executor) {
                if (request.lastUserMessage().contains("Q2")) {
                    // as a blocking client's pool throws when it cannot start a thread (a plain Error here, so that
                    // the test JVM does not take it for its own OutOfMemoryError)
                    throw new Error("unable to create native thread");
                }
                return java.util.concurrent.CompletableFuture.completedFuture(complete(request));
            }
        };
        List<Sample> samples = List.of(Sample.of("q1", "Q1?", "r"), Sample.of("q2", "Q2?", "r"),
                Sample.of("q3", "Q3?", "r"));
        EvaluationReport report = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(20), () -> Evaluation.builder().dataset(samples)
                        .candidate("a", echo("a")).candidate("b", noThreads).judge(Judges.random())
                        .failurePolicy(FailurePolicy.tolerant()).build().run());
        assertThat(report.samples().get(1).answer("b").orElseThrow().error())
                .contains("Error: unable to create native thread");
        assertThat(report.judgedSampleCount()).isEqualTo(2);
    }

    @Test
    void run_aModelJudgeThatThrowsAnError_stopsTheRunSayingWhy_insteadOfRecordingAFailedJudgment() {
        ScriptedClient judgeModel = ScriptedClient.answering(r -> "[1, 2]").withModelId("judge");
        dev.raq.core.judge.Judge broken = new dev.raq.core.judge.Judge() {
            @Override
            public dev.raq.core.judge.Judgment judge(dev.raq.core.judge.JudgeInput input) {
                throw new AssertionError("judge bug");
            }

            @Override
            public List<dev.raq.core.model.ModelClient> clients() {
                return List.of(judgeModel);
            }
        };
        Evaluation ev = Evaluation.builder().dataset(List.of(Sample.of("q1", "Who?", "r")))
                .candidate("a", echo("a")).candidate("b", echo("b")).judge(broken).build();
        EvaluationAbortedException e = catchThrowableOfType(ev::run, EvaluationAbortedException.class);
        assertThat(e).hasMessageContaining("sample 'q1' failed").hasMessageContaining("judge bug");
    }

    @Test
    void run_templateNeedsContextTheSampleLacks_recordedAsFailedAnswerAndRunWithoutEvidenceThrows() {
        Evaluation ev = Evaluation.builder().dataset(List.of(Sample.of("q1", "Who?", "r")))
                .candidate("a", echo("a")).candidate("b", echo("b")).promptTemplate("{context} {question}")
                .dryRun(true).build();
        EvaluationAbortedException e = catchThrowableOfType(ev::run, EvaluationAbortedException.class);
        assertThat(e).hasMessageContaining("no sample was answered by two candidates")
                .hasMessageContaining("placeholder {context}");
        EvaluationReport report = e.partialReport();
        assertThat(report.samples().get(0).answer("a").orElseThrow().error()).startsWith("the prompt failed: ")
                .contains("context");
        assertThat(report.samples().get(0).notJudged()).isEqualTo("only 0 of 2 candidates answered");
    }

    @Test
    void build_emptyDatasetList_refused() {
        assertThatThrownBy(() -> Evaluation.builder().dataset(new ArrayList<>()).candidate("a", echo("a"))
                .candidate("b", echo("b")).judge(new PreferenceJudge("p", List.of("a", "b"))).build())
                .hasMessageContaining("the dataset is empty");
    }

    @Test
    void duplicateSampleIds_refusedFromAListAtBuild_andFromAStreamBeforeAnyCall_namingBothPositions() {
        List<Sample> list = List.of(Sample.of("q1", "A?", "r"), Sample.of("q2", "B?", "r"), Sample.of("q1", "C?", "r"));
        assertThatThrownBy(() -> Evaluation.builder().dataset(list).candidate("a", echo("a")).candidate("b", echo("b"))
                .judge(new PreferenceJudge("p", List.of("a", "b"))).build())
                .hasMessageContaining("samples 0 and 2 of the dataset share the id 'q1'");
        Iterable<Sample> stream = () -> list.iterator();
        AtomicInteger calls = new AtomicInteger();
        ModelClient counting = request -> {
            calls.incrementAndGet();
            return Completion.of("x");
        };
        Evaluation ev = Evaluation.builder().dataset(stream).candidate("a", counting).candidate("b", echo("b"))
                .judge(new PreferenceJudge("p", List.of("a", "b"))).build();
        EvaluationAbortedException e = catchThrowableOfType(ev::run, EvaluationAbortedException.class);
        assertThat(e).hasMessageContaining("aborted before its first sample")
                .hasMessageContaining("samples 0 and 2 of the dataset share the id 'q1'");
        assertThat(calls).hasValue(0);
        assertThat(e.partialReport().sampleCount()).isZero();
    }

    @Test
    void aStreamedDatasetThatFailsWhileCounted_stopsTheRunBeforeAnyCall_sayingSo() {
        Evaluation ev = Evaluation.builder().dataset(SampleIdsTest.failingAt(2, "line 3 is not JSON")).candidate("a", echo("a")).candidate("b", echo("b"))
                .judge(new PreferenceJudge("p", List.of("a", "b"))).build();
        EvaluationAbortedException e = catchThrowableOfType(ev::run, EvaluationAbortedException.class);
        assertThat(e).hasMessageContaining("evaluation aborted before its first sample: the dataset failed while it "
                + "was counted").hasMessageContaining("line 3 is not JSON");
        assertThat(e.partialReport().sampleCount()).isZero();
    }

    @Test
    void run_emptyIterableDataset_throwsWithEmptyPartialReport() {
        Iterable<Sample> none = () -> java.util.Collections.emptyIterator();
        Evaluation ev = Evaluation.builder().dataset(none).candidate("a", echo("a")).candidate("b", echo("b"))
                .judge(new PreferenceJudge("p", List.of("a", "b"))).build();
        EvaluationAbortedException e = catchThrowableOfType(ev::run, EvaluationAbortedException.class);
        assertThat(e).hasMessageContaining("the dataset had no samples");
        assertThat(e.partialReport().samples()).isEmpty();
    }

    @Test
    void runAsync_panelOfJudges_consensusPerSample() {
        EvaluationReport report = Evaluation.builder().dataset(samples(4)).candidate("a", echo("a"))
                .candidate("b", echo("b")).candidate("c", echo("c"))
                .judge(new PreferenceJudge("j1", List.of("a", "b", "c")))
                .judge(new PreferenceJudge("j2", List.of("a", "c", "b")))
                .judge(new PreferenceJudge("j3", List.of("b", "a", "c"))).build().runAsync().join();
        // medians over judges: a = median(1,1,2) = 1, b = median(2,3,1) = 2, c = median(3,2,3) = 3
        assertThat(report.consensus()).hasSize(4);
        assertThat(report.consensus().get("s0").candidates()).containsExactly("a", "b", "c");
        assertThat(report.rankings()).hasSize(4);
        assertThat(report.judgeSummaries()).extracting(j -> j.ranks().get("a").mean()).containsExactly(1.0, 1.0, 2.0);
        // W of the three judges' ranks [1,2,3], [1,3,2], [2,1,3]: rank sums a=4, b=6, c=8; S = 8; W = 12*8/(9*24) = 4/9
        assertThat(report.judgeAgreement().getAsDouble()).isCloseTo(4.0 / 9, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(report.agreementSamples()).isEqualTo(4);
        assertThat(report.toMarkdown()).contains("Judge agreement: mean Kendall's W 0.444 over 4 samples.");
    }
}
