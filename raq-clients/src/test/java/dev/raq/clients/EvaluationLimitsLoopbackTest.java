package dev.raq.clients;

import dev.raq.core.Evaluation;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.Judges;
import dev.raq.core.model.ModelClient;
import dev.raq.core.report.EvaluationReport;
import dev.raq.test.LoopbackServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An evaluation's limits as a provider sees them: a loopback server, answering after 30 ms, records the most
 * candidate requests and the most judge requests it had in flight at once while RAQ's HTTP clients evaluate 40
 * samples with an LLM ranking judge, and the threads of the evaluation's own pools it saw alive meanwhile.
 */
class EvaluationLimitsLoopbackTest {

    private static final String REPLY = "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"m\",\"choices\":[{"
            + "\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"%s\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":3,\"total_tokens\":13}}";

    /** Requests in flight now and at most, one pair for candidates and one for the judge. */
    private final AtomicInteger candidatesNow = new AtomicInteger();
    private final AtomicInteger candidatesMost = new AtomicInteger();
    private final AtomicInteger judgeNow = new AtomicInteger();
    private final AtomicInteger judgeMost = new AtomicInteger();
    /** The evaluation's own pool threads alive while the server had a request. */
    private final Set<String> poolThreads = ConcurrentHashMap.newKeySet();

    @Test
    void candidateAndJudgeCallsInFlight_neverExceedConcurrencyAndJudgeConcurrency() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.then(exchange -> {
                boolean judge = exchange.getRequestURI().getPath().startsWith("/judge/");
                AtomicInteger now = judge ? judgeNow : candidatesNow;
                (judge ? judgeMost : candidatesMost).accumulateAndGet(now.incrementAndGet(), Math::max);
                Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                        .filter(name -> name.startsWith("raq-model-") || name.startsWith("raq-judge-"))
                        .forEach(poolThreads::add);
                try {
                    Thread.sleep(30);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    now.decrementAndGet(); // before the reply, so that a call it frees is never counted twice
                }
                LoopbackServer.send(exchange, 200, "application/json", String.format(REPLY,
                        judge ? "[2, 1]" : "The answer is " + exchange.getRequestURI().getPath().length()));
            });
            String base = server.baseUrl();
            ModelClient a = OpenAiCompatibleClient.local(base).model("a").build();
            ModelClient b = OpenAiCompatibleClient.local(base).model("b").build();
            ModelClient judge = OpenAiCompatibleClient.local(base.replace("/v1", "/judge/v1")).model("judge").build();
            List<Sample> samples = IntStream.range(0, 40).mapToObj(i -> Sample.of("s" + i, "Q" + i + "?", "A" + i))
                    .toList();
            EvaluationReport report = Evaluation.builder().dataset(samples)
                    .candidate("a", a).candidate("b", b)
                    .judge(Judges.ranking(judge))
                    .concurrency(6).judgeConcurrency(2)
                    .build().run();

            assertThat(report.judgedSampleCount()).isEqualTo(40);
            assertThat(server.requests()).hasSize(40 * 3);
            assertThat(candidatesMost.get()).isBetween(4, 6);
            assertThat(judgeMost.get()).isEqualTo(2);
            // RAQ's HTTP clients complete without blocking: no candidate or judge call waits on a thread of the
            // evaluation's pools, so neither pool starts one
            assertThat(poolThreads).as("the evaluation's pool threads").isEmpty();
        }
    }
}
