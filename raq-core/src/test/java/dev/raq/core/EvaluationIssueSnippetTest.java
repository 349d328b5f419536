package dev.raq.core;

import dev.raq.core.data.Dataset;
import dev.raq.core.judge.Judges;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.ModelClient;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.significance.SignificanceTests;
import dev.raq.stats.PAdjust;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The snippet of the evaluation issue, run as written against scripted clients. */
class EvaluationIssueSnippetTest {

    private static final Pattern ANSWER = Pattern.compile("<<<BEGIN ANSWER ID (\\d+) \\S+>>>\\n(.*?)\\n<<<END");

    /** A judge model that ranks the answers starting with "llama" first, then the others as shown. */
    private static String judgeReply(ChatRequest request) {
        List<String> llamaFirst = new ArrayList<>();
        List<String> others = new ArrayList<>();
        Matcher m = ANSWER.matcher(request.lastUserMessage());
        while (m.find()) {
            (m.group(2).startsWith("llama") ? llamaFirst : others).add(m.group(1));
        }
        llamaFirst.addAll(others);
        return "{\"ranking\": [" + String.join(", ", llamaFirst) + "]}";
    }

    @Test
    void issueSnippet_scriptedClients_runsAndRanksTheBetterModelFirst(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("questions.jsonl");
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            jsonl.append("{\"id\": \"q").append(i).append("\", \"question\": \"What is ").append(i)
                    .append("?\", \"context\": \"").append(i).append(" is a number.\", \"answers\": [\"")
                    .append(i).append("\"]}\n");
        }
        Files.writeString(path, jsonl);
        ScriptedClient llamaClient = ScriptedClient.answering(r -> "llama: it is a number")
                .withModelId("meta/llama3-8b-instruct");
        ScriptedClient mistralClient = ScriptedClient.answering(r -> "mistral: no idea")
                .withModelId("mistralai/mistral-7b-instruct");
        ModelClient judgeClient = ScriptedClient.answering(EvaluationIssueSnippetTest::judgeReply)
                .withModelId("judge/model");

        EvaluationReport report = Evaluation.builder()
            .dataset(Dataset.fromJsonl(path))
            .candidate("llama3-8b", llamaClient)
            .candidate("mistral-7b", mistralClient)
            .promptTemplate("Use the following pieces of context to give a succinct and clear answer to the question at the end:\n{context}\nQuestion: {question}\nAnswer:")
            .judge(Judges.ranking(judgeClient).repeats(3))
            .significance(SignificanceTests.dunn(PAdjust.HOLM))
            .alpha(0.05).concurrency(16).seed(42)
            .build()
            .run();

        assertThat(llamaClient.calls).hasValue(12);
        assertThat(report.rankings()).hasSize(12); // one observation per sample: the 3 repeats collapse
        assertThat(report.candidate("llama3-8b").rank().mean()).isEqualTo(1.0);
        assertThat(report.significance().orElseThrow().pair("llama3-8b", "mistral-7b").better())
                .isEqualTo("llama3-8b");
        assertThat(report.significance().orElseThrow().isSignificant("llama3-8b", "mistral-7b")).isTrue();
    }
}
