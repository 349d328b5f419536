package dev.raq.core.pairwise;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The verdict labels a pairwise judge is asked to end its reply with, as different tools use them. A reply is read
 * by taking the <em>last</em> valid label in double square brackets; a reply without one is a judge error, never a
 * tie.
 */
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
     * The last valid label of this set in a judge's reply: every {@code [[...]]} is considered (white space inside
     * the brackets ignored) and the last one that names a verdict of this set wins.
     *
     * @param reply the judge's raw reply
     * @return the verdict, or empty when the reply has no valid label
     */
    public Optional<Verdict> lastVerdict(String reply) {
        Verdict found = null;
        int from = 0;
        while (true) {
            int open = reply.indexOf("[[", from);
            if (open < 0) {
                break;
            }
            int close = reply.indexOf("]]", open + 2);
            if (close < 0) {
                break;
            }
            String inside = reply.substring(open + 2, close).replaceAll("\\s+", "");
            Verdict v = Verdict.fromLabel(inside);
            if (v != null && allowed.contains(v)) {
                found = v;
            }
            from = open + 2;
        }
        return Optional.ofNullable(found);
    }
}
