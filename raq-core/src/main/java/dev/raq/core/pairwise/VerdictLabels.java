package dev.raq.core.pairwise;

import org.apiguardian.api.API;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The verdict labels a pairwise judge is asked to end its reply with, as different tools use them. A pairwise judge
 * reads a reply with {@link #judgeVerdict}: labels the judge quotes from an answer do not count, and a reply whose own
 * labels disagree has no verdict; a reply without one is a judge error, never a tie. {@link #lastVerdict} is the
 * plain reading (the last valid label wins) for verdicts from a trusted source.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum VerdictLabels {
    /** Nova LLM-as-a-Judge's binary preference: {@code [[A>B]]} or {@code [[B>A]]}. */
    BINARY(EnumSet.of(Verdict.A_BETTER, Verdict.B_BETTER)),
    /** MT-bench style with ties: {@code [[A>B]]}, {@code [[A=B]]}, {@code [[B>A]]}. */
    WITH_TIES(EnumSet.of(Verdict.A_BETTER, Verdict.TIE, Verdict.B_BETTER)),
    /** Arena-Hard's graded five: {@code [[A>>B]]}, {@code [[A>B]]}, {@code [[A=B]]}, {@code [[B>A]]}, {@code [[B>>A]]}. */
    GRADED(EnumSet.allOf(Verdict.class));

    private final Set<Verdict> allowed;

    VerdictLabels(Set<Verdict> allowed) {
        this.allowed = allowed;
    }

    /** The verdicts of this label set. */
    public Set<Verdict> allowed() {
        return EnumSet.copyOf(allowed);
    }

    /** The labels as a judge is told them, for example {@code "[[A>B]], [[A=B]] or [[B>A]]"}. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        Verdict[] vs = allowed.toArray(new Verdict[0]);
        for (int i = 0; i < vs.length; i++) {
            if (i > 0) {
                sb.append(i == vs.length - 1 ? " or " : ", ");
            }
            sb.append("[[").append(vs[i].label()).append("]]");
        }
        return sb.toString();
    }

    /**
     * The judge's own verdict in a reply about answers that may try to steer it. Every valid label of this set in
     * double square brackets is considered, except one the judge quoted from an answer: a label whose text, with the
     * words before it on its line (up to 24 characters), occurs verbatim in one of {@code answers} — a naive judge
     * that repeats an answer's "[[B>A]]" does not hand that answer the win. The remaining labels must agree.
     *
     * @param reply   the judge's raw reply
     * @param answers the answers the judge was shown (their text is the quoted material)
     * @return the verdict, or a problem: no label outside the quoted answers, or labels that disagree
     */
    public VerdictReading judgeVerdict(String reply, java.util.Collection<String> answers) {
        Verdict found = null;
        int quoted = 0;
        for (Label label : labels(reply)) {
            int lineStart = Math.max(reply.lastIndexOf('\n', label.open()) + 1, label.open() - 24);
            String withContext = reply.substring(lineStart, label.end());
            if (answers.stream().anyMatch(a -> a.contains(withContext))) {
                quoted++;
                continue;
            }
            if (found != null && found != label.verdict()) {
                return VerdictReading.problem("the reply holds conflicting verdicts [[" + found.label() + "]] and [["
                        + label.verdict().label() + "]] outside the quoted answers");
            }
            found = label.verdict();
        }
        if (found == null) {
            return VerdictReading.problem("no verdict label (" + describe() + ") in the judge's reply"
                    + (quoted > 0 ? " outside the quoted answers (" + quoted + " quoted from an answer ignored)" : ""));
        }
        return VerdictReading.of(found);
    }

    /** One valid label of this set in a reply: the verdict, where its {@code [[} starts and where its {@code ]]} ends. */
    private record Label(Verdict verdict, int open, int end) {
    }

    /** Every {@code [[...]]} of the reply that names a verdict of this set (white space inside ignored), in order. */
    private java.util.List<Label> labels(String reply) {
        java.util.List<Label> out = new java.util.ArrayList<>();
        int from = 0;
        while (true) {
            int open = reply.indexOf("[[", from);
            int close = open < 0 ? -1 : reply.indexOf("]]", open + 2);
            if (close < 0) {
                return out;
            }
            Verdict v = Verdict.fromLabel(reply.substring(open + 2, close).replaceAll("\\s+", ""));
            if (v != null && allowed.contains(v)) {
                out.add(new Label(v, open, close + 2));
            }
            from = open + 2;
        }
    }

    /**
     * The last valid label of this set in a judge's reply: every {@code [[...]]} is considered (white space inside
     * the brackets ignored) and the last one that names a verdict of this set wins.
     *
     * @param reply the judge's raw reply
     * @return the verdict, or empty when the reply has no valid label
     */
    public Optional<Verdict> lastVerdict(String reply) {
        java.util.List<Label> all = labels(reply);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1).verdict());
    }
}
