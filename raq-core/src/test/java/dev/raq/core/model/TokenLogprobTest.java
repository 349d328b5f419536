package dev.raq.core.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenLogprobTest {

    private static TokenLogprob t(String text) {
        return new TokenLogprob(text, -0.1, List.of());
    }

    @Test
    void afterLast_findsTheTokenAndOffsetOfTheLabelAfterTheLastOpener() {
        List<TokenLogprob> tokens = List.of(t("Maybe [[3]], no: "), t("Rating: [["), t(" "), t("8"), t("]]"));
        assertThat(TokenLogprob.afterLast(tokens, "[[")).hasValue(new TokenLogprob.Position(3, 0));
        assertThat(TokenLogprob.afterLast(List.of(t("so [[A"), t(">B]]")), "[["))
                .hasValue(new TokenLogprob.Position(0, 5));
        assertThat(TokenLogprob.afterLast(List.of(t("no label")), "[[")).isEmpty();
        assertThat(TokenLogprob.afterLast(List.of(t("ends with [[  ")), "[[")).isEmpty();
        assertThat(TokenLogprob.afterLast(List.of(), "[[")).isEmpty();
    }
}
