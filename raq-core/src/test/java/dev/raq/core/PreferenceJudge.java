package dev.raq.core;

import dev.raq.core.judge.CandidateAnswer;
import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.JudgeInput;
import dev.raq.core.judge.Judge;
import dev.raq.core.judge.Judgment;
import dev.raq.core.judge.Ranking;
import dev.raq.core.model.ModelClient;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** A judge for tests that ranks the answered candidates in a fixed order of preference and records its inputs. */
public final class PreferenceJudge implements Judge {

    private final String name;
    private final List<String> preference;
    private final List<ModelClient> clients;
    public final AtomicInteger calls = new AtomicInteger();
    public final Queue<JudgeInput> inputs = new ConcurrentLinkedQueue<>();

    public PreferenceJudge(String name, List<String> bestFirst, ModelClient... clients) {
        this.name = name;
        this.preference = List.copyOf(bestFirst);
        this.clients = List.of(clients);
    }

    @Override
    public Judgment judge(JudgeInput input) {
        calls.incrementAndGet();
        inputs.add(input);
        List<String> order = new ArrayList<>(input.candidates());
        order.sort(Comparator.comparingInt(preference::indexOf));
        return Judgment.of(name, input.sample().id(), List.of(JudgeCall.ranked(input.candidates(), "ranked "
                + order, Ranking.fromOrder(order), Map.of())));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ModelClient> clients() {
        return clients;
    }

    /** The answers this judge saw, as "sample:candidate=text". */
    public List<String> seen() {
        List<String> out = new ArrayList<>();
        for (JudgeInput in : inputs) {
            for (CandidateAnswer a : in.answers()) {
                out.add(in.sample().id() + ":" + a.candidate() + "=" + a.text());
            }
        }
        out.sort(null);
        return out;
    }
}
