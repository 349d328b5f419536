package dev.raq.core.perf;

import java.util.Random;

/** Random common words, about one token each; see {@link PromptSource#synthetic(int)}. */
final class SyntheticPrompts implements PromptSource {

    /** Short, frequent English words: one token each (with their leading space) in GPT, Llama and Qwen vocabularies. */
    private static final String[] WORDS = ("the of and to in is was for on that with as by at from his her be it an "
            + "are were this which or had not but have they one all their has been more first new other also its "
            + "time who after two when we into only would may can will years people about out over most these some "
            + "there many up then than year so three could made world city day state work he she what if no my me "
            + "good small long great old high part place end life house name water book way word line land home "
            + "light hand left right down back last next same road game team war film song sea sun tree river").split(" ");

    private final int inputTokens;

    SyntheticPrompts(int inputTokens) {
        this.inputTokens = inputTokens;
    }

    @Override
    public String prompt(long index, Random random) {
        StringBuilder sb = new StringBuilder(inputTokens * 5);
        for (int i = 0; i < inputTokens; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "synthetic(" + inputTokens + " tokens)";
    }
}
