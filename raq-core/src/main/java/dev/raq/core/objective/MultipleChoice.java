package dev.raq.core.objective;

import dev.raq.commons.Preconditions;
import dev.raq.core.data.Sample;
import dev.raq.core.model.ChatRequest;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The prompt of a multiple-choice question with lettered options, MMLU style: an instruction, k solved examples
 * ("shots"), then the question with its options and {@code Answer:}. The options of a sample are its metadata fields
 * named by the letters ({@code "A"}, {@code "B"}, …, as a JSON Lines dataset's extra fields become metadata); its
 * reference is the right letter. {@link #chainOfThought()} asks the model to reason first and end with
 * {@code Answer: X}. Use it as an evaluation's prompt and judge with {@code ExtractionJudge.of(AnswerExtractor.choice(
 * letters))}. Immutable.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class MultipleChoice implements Function<Sample, ChatRequest> {

    private final String letters;
    private final List<Sample> shots;
    private final boolean chainOfThought;

    private MultipleChoice(String letters, List<Sample> shots, boolean chainOfThought) {
        this.letters = letters;
        this.shots = shots;
        this.chainOfThought = chainOfThought;
    }

    /**
     * Questions with these option letters, zero-shot, answering with the letter only.
     *
     * @throws IllegalArgumentException unless the letters are 2 to 26 capital letters
     */
    public static MultipleChoice of(String letters) {
        Preconditions.checkArgument(letters.matches("[A-Z]{2,26}"), () -> "option letters must be 2 to 26 capital "
                + "letters, such as \"ABCD\", but were \"" + letters + "\"");
        return new MultipleChoice(letters, List.of(), false);
    }

    /**
     * This prompt with these solved examples before the question (k-shot); each example's reference is its letter.
     *
     * @throws IllegalArgumentException naming an example that lacks an option or a reference letter
     */
    public MultipleChoice shots(List<Sample> examples) {
        for (Sample s : examples) {
            options(s);
            Preconditions.checkArgument(s.hasReferences() && letters.contains(s.references().get(0)), () ->
                    "example '" + s.id() + "' needs its right letter (one of " + letters + ") as its reference");
        }
        return new MultipleChoice(letters, List.copyOf(examples), chainOfThought);
    }

    /** This prompt asking the model to think step by step and end with {@code Answer: X}. */
    public MultipleChoice chainOfThought() {
        return new MultipleChoice(letters, shots, true);
    }

    /**
     * The request for one question.
     *
     * @throws IllegalArgumentException naming the sample and the missing option
     */
    @Override
    public ChatRequest apply(Sample sample) {
        Objects.requireNonNull(sample, "sample");
        StringBuilder sb = new StringBuilder();
        sb.append("The following are multiple choice questions. ").append(chainOfThought
                ? "Think step by step, then give your final answer on its own line as \"Answer: X\", where X is the "
                        + "letter of the correct option."
                : "Reply with only the letter of the correct option.").append("\n\n");
        for (Sample shot : shots) {
            question(sb, shot);
            sb.append(' ').append(shot.references().get(0)).append("\n\n");
        }
        question(sb, sample);
        return ChatRequest.ofUser(sb.toString());
    }

    private void question(StringBuilder sb, Sample s) {
        sb.append("Question: ").append(s.question()).append('\n');
        List<String> options = options(s);
        for (int i = 0; i < options.size(); i++) {
            sb.append(letters.charAt(i)).append(". ").append(options.get(i)).append('\n');
        }
        sb.append("Answer:");
    }

    /** The sample's options, one per letter, from its metadata. */
    private List<String> options(Sample s) {
        List<String> out = new ArrayList<>();
        for (char letter : letters.toCharArray()) {
            String option = s.metadata().get(String.valueOf(letter));
            if (option == null || option.isBlank()) {
                throw new IllegalArgumentException("sample '" + s.id() + "' has no option " + letter
                        + " (a metadata field named \"" + letter + "\")");
            }
            out.add(option);
        }
        return out;
    }

    @Override
    public String toString() {
        return "MultipleChoice{" + letters + ", " + shots.size() + "-shot" + (chainOfThought ? ", chain of thought"
                : "") + "}";
    }
}
